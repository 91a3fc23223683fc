/**
 * Seeds the demo city (Huế) on first start against an empty database, and fills in whatever is missing
 * on later starts: idempotent. Never runs in production configuration (config refuses SEED_DEMO there).
 */
import type { AgencyKind } from '@onecity/contracts';
import { recordAudit, type AuditContext } from '../core/audit/audit.ts';
import type { AppContext } from '../core/context.ts';
import { canSitUnder, findAgencyByCode, importAreas } from '../modules/agencies/index.ts';
import { hashPassword } from '../modules/identity/index.ts';
import { ensureDemoOpen311Client } from '../modules/open311/index.ts';
import { ensureProcedures } from '../modules/procedures/index.ts';
import { ensureCategoriesAndRules } from '../modules/reports/index.ts';
import { seedDemoDossiers } from './demo-dossiers.ts';
import { seedDemoPayments } from '../modules/payments/index.ts';
import { PROCEDURE_CATALOGUE } from './procedure-catalogue.ts';
import { DEMO_CATEGORIES, DEMO_ROUTING_RULES } from './report-categories.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, HUE_AGENCIES, HUE_AREAS, wardUnits, type SeedAgency, type SeedArea } from './hue-data.ts';

const SYSTEM: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: 'seed:demo-city' };

export interface SeedProgress {
  (phase: string, done: number, total: number): void;
}

/** Generated approximate boundaries: a 16-gon around each centre, sized so neighbours never overlap. */
export function demoBoundaries(areas: SeedArea[]) {
  const kmPerDegreeLat = 111.32;
  const distanceKm = (a: [number, number], b: [number, number]) => {
    const kmPerDegreeLon = kmPerDegreeLat * Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
    return Math.hypot((a[0] - b[0]) * kmPerDegreeLon, (a[1] - b[1]) * kmPerDegreeLat);
  };
  return {
    type: 'FeatureCollection',
    features: areas.map((area) => {
      const nearest = Math.min(...areas.filter((other) => other !== area).map((other) => distanceKm(area.centre, other.centre)));
      const radiusKm = Math.min(0.48 * nearest, 6);
      const kmPerDegreeLon = kmPerDegreeLat * Math.cos(area.centre[1] * (Math.PI / 180));
      const ring: [number, number][] = [];
      for (let i = 0; i < 16; i += 1) {
        const angle = (2 * Math.PI * i) / 16;
        ring.push([
          Number((area.centre[0] + (radiusKm * Math.cos(angle)) / kmPerDegreeLon).toFixed(6)),
          Number((area.centre[1] + (radiusKm * Math.sin(angle)) / kmPerDegreeLat).toFixed(6)),
        ]);
      }
      ring.push(ring[0] as [number, number]);
      return {
        type: 'Feature',
        properties: { code: area.code, nameVi: area.nameVi, nameEn: area.nameEn, demo: true },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    }),
  };
}

function allAgencies(): SeedAgency[] {
  const wards = HUE_AREAS.map(
    (area): SeedAgency => ({ code: area.code, nameVi: area.nameVi, nameEn: area.nameEn, kind: area.kind, parent: 'HUE' }),
  );
  return [...HUE_AGENCIES, ...wards, ...HUE_AREAS.flatMap(wardUnits)];
}

/** Seeds agencies, ward areas and demo accounts; returns how many of each were created. */
export async function seedDemoCity(ctx: AppContext, onProgress: SeedProgress = () => undefined) {
  const created = { agencies: 0, areas: 0, accounts: 0, reportCategories: 0, routingRules: 0, procedures: 0, dossiers: 0 };
  const agencies = allAgencies();
  const existing = new Set((await ctx.db.selectFrom('agencies').select('code').execute()).map((row) => row.code));
  const missing = agencies.filter((agency) => !existing.has(agency.code));
  if (missing.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      const paths = new Map((await trx.selectFrom('agencies').select(['code', 'path', 'id', 'kind']).execute()).map((row) => [row.code, row]));
      for (const agency of missing) {
        const parent = agency.parent ? paths.get(agency.parent) : null;
        if (agency.parent && !parent) throw new Error(`seed: parent ${agency.parent} of ${agency.code} is missing`);
        if (parent && !canSitUnder(agency.kind as AgencyKind, parent.kind as AgencyKind)) throw new Error(`seed: ${agency.code} cannot sit under ${parent.kind}`);
        const row = await trx
          .insertInto('agencies')
          .values({
            code: agency.code,
            name_vi: agency.nameVi,
            name_en: agency.nameEn,
            kind: agency.kind,
            parent_id: parent?.id ?? null,
            path: parent ? `${parent.path}.${agency.code}` : agency.code,
          })
          .returning(['id', 'code', 'path', 'kind'])
          .executeTakeFirstOrThrow();
        paths.set(row.code, row);
        await recordAudit(trx, SYSTEM, { action: 'agency.create', targetType: 'agency', targetId: row.id, after: { code: row.code, path: row.path, kind: row.kind } });
        created.agencies += 1;
        if (created.agencies % 20 === 0) onProgress('agencies', created.agencies, missing.length);
      }
    });
  }
  onProgress('agencies', created.agencies, missing.length);

  const areaCodes = new Set((await ctx.db.selectFrom('areas').select('code').execute()).map((row) => row.code));
  const missingAreas = HUE_AREAS.filter((area) => !areaCodes.has(area.code));
  if (missingAreas.length > 0) {
    // Sizes come from all centres, so a partial re-seed draws the same shapes as a full one.
    const collection = demoBoundaries(HUE_AREAS);
    collection.features = collection.features.filter((feature) => missingAreas.some((area) => area.code === feature.properties.code));
    const result = await importAreas(ctx, SYSTEM, collection, { isDemoBoundary: true });
    created.areas = result.imported;
  }
  onProgress('areas', created.areas, missingAreas.length);

  const emails = new Set(
    (await ctx.db.selectFrom('users').select('email').where('email', 'in', DEMO_ACCOUNTS.map((a) => a.email)).execute()).map((row) => row.email),
  );
  const missingAccounts = DEMO_ACCOUNTS.filter((account) => !emails.has(account.email));
  for (const account of missingAccounts) {
    const passwordHash = await hashPassword(ctx, DEMO_PASSWORD);
    await ctx.db.transaction().execute(async (trx) => {
      const isCitizen = account.roles.every((grant) => grant.role === 'citizen');
      const user = await trx
        .insertInto('users')
        .values({
          full_name: account.fullName,
          email: account.email,
          phone: account.phone,
          password_hash: passwordHash,
          is_verified: true,
          verified_at: new Date(),
          assurance: isCitizen ? 1 : 2,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const grant of account.roles) {
        const agency = grant.agency ? await findAgencyByCode(trx, grant.agency) : null;
        if (grant.agency && !agency) throw new Error(`seed: agency ${grant.agency} is missing`);
        await trx.insertInto('role_grants').values({ user_id: user.id, role: grant.role, agency_id: agency?.id ?? null }).execute();
      }
      await recordAudit(trx, SYSTEM, {
        action: 'user.seed_demo',
        targetType: 'user',
        targetId: user.id,
        after: { email: account.email, roles: account.roles },
      });
    });
    created.accounts += 1;
    onProgress('accounts', created.accounts, missingAccounts.length);
  }
  if (missingAccounts.length === 0) onProgress('accounts', 0, 0);

  const reports = await ensureCategoriesAndRules(ctx, SYSTEM, DEMO_CATEGORIES, DEMO_ROUTING_RULES);
  created.reportCategories = reports.categories;
  created.routingRules = reports.rules;
  onProgress('report categories and routing rules', reports.categories + reports.rules, reports.categories + reports.rules);
  await ensureDemoOpen311Client(ctx);
  created.procedures = await ensureProcedures(ctx, PROCEDURE_CATALOGUE);
  onProgress('procedures', created.procedures, created.procedures);
  created.dossiers = await seedDemoDossiers(ctx);
  onProgress('dossiers', created.dossiers, created.dossiers);
  const payments = await seedDemoPayments(ctx);
  onProgress('payment intents', payments, payments);
  return { ...created, payments };
}
