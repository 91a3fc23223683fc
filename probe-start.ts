import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions } from './apps/api/src/core/db/database.ts';
import fs from 'node:fs';
for (const extra of [{}, { relaxedDurability: true }]) {
  const dir = '/tmp/pg-probe-' + Date.now();
  const t = performance.now();
  const db = await PGlite.create(dir, { ...pgliteOptions, ...extra });
  console.log(JSON.stringify(extra), 'initdb on disk', Math.round(performance.now() - t), 'ms');
  await db.close();
  fs.rmSync(dir, { recursive: true });
}
const t = performance.now();
const m = await PGlite.create({ ...pgliteOptions });
console.log('in memory', Math.round(performance.now() - t));
const t2 = performance.now();
const blob = await m.dumpDataDir('none');
console.log('dump', Math.round(performance.now() - t2), 'ms', blob.size);
await m.close();
const dir = '/tmp/pg-probe-load-' + Date.now();
const t3 = performance.now();
const l = await PGlite.create(dir, { ...pgliteOptions, loadDataDir: blob });
console.log('load into disk', Math.round(performance.now() - t3));
await l.close();
const t4 = performance.now();
const again = await PGlite.create(dir, { ...pgliteOptions });
console.log('reopen', Math.round(performance.now() - t4), (await again.query('select 1 as x')).rows);
await again.close();
fs.rmSync(dir, { recursive: true });
