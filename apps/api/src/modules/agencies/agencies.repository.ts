/**
 * Queries on the agencies module's tables: agencies and areas (ward/commune boundaries).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AgenciesTable, AreasTable, DB } from '../../core/db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;
export type AgencyRow = Selectable<AgenciesTable>;
export type AreaRow = Selectable<AreasTable>;

/** Lists agencies in tree order (by path), optionally of one kind or under one path. */
export function listAgencies(db: Executor, filter: { kind?: string; underPath?: string } = {}): Promise<AgencyRow[]> {
  let query = db.selectFrom('agencies').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.underPath) {
    const path = filter.underPath;
    query = query.where((eb) => eb.or([eb('path', '=', path), eb('path', 'like', `${path}.%`)]));
  }
  return query.orderBy('path').execute();
}

/** Finds an agency by its code. */
export function findAgencyByCode(db: Executor, code: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Finds an agency by id. */
export function findAgencyById(db: Executor, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an agency (the caller has checked the parent). */
export function insertAgency(
  db: Executor,
  values: { code: string; nameVi: string; nameEn: string; kind: string; parentId: string | null; path: string },
): Promise<AgencyRow> {
  return db
    .insertInto('agencies')
    .values({ code: values.code, name_vi: values.nameVi, name_en: values.nameEn, kind: values.kind, parent_id: values.parentId, path: values.path })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Lists ward and commune areas with their boundaries. */
export function listAreas(db: Executor): Promise<AreaRow[]> {
  return db.selectFrom('areas').selectAll().orderBy('code').execute();
}

/** Finds an area by its agency's code. */
export function findAreaByCode(db: Executor, code: string): Promise<AreaRow | undefined> {
  return db.selectFrom('areas').selectAll().where('code', '=', code).executeTakeFirst();
}
