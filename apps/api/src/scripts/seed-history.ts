/**
 * `npm run seed:history [-- --seed N --citizens N --reports N --dossiers N --as-of DATE --no-photos]`: a year of
 * plausible activity for the demo city on the configured database (embedded by default, DATABASE_URL when set):
 * citizens, field reports by category, ward and season with the units' handling (on time and late), ratings,
 * dossiers through every status with supplements and surveys. Deterministic for a seed and an as-of date.
 * Rows are bulk-generated with explicit past timestamps (see city-data/generate.ts for why and how).
 */
import { runGenerator } from './city-data/run.ts';

const USAGE = `Usage: npm run seed:history -- [--seed 1] [--citizens 50000] [--reports 40000] [--dossiers 60000] [--as-of YYYY-MM-DD] [--no-photos]
A year of activity before --as-of (default: today) for the demo city; sizes accept 100k, 1.3M.`;

await runGenerator('seed:history', USAGE, {});
