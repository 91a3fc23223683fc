/**
 * `npm run seed:scale -- --citizens 1300000 --reports 10000000 --dossiers 1000000`: city-scale data for benchmarks,
 * bulk-loaded server-side (INSERT … SELECT over generate_series, one statement per day; the same statements on
 * PGlite) with a progress bar and its rate. History spans a year, or longer when reports would exceed 9,000 a day
 * (report codes keep four digits). No after-photos by default (they would add gigabytes); --photos adds them.
 */
import { runGenerator } from './city-data/run.ts';

const USAGE = `Usage: npm run seed:scale -- [--citizens 1300000] [--reports 1000000] [--dossiers 100000] [--seed 1] [--as-of YYYY-MM-DD] [--photos]
Loads the configured database (DATABASE_URL, or PGlite in DATA_DIR); sizes accept 100k, 1.3M, 10M.`;

await runGenerator('seed:scale', USAGE, { citizens: 1_300_000, reports: 1_000_000, dossiers: 100_000, photos: false });
