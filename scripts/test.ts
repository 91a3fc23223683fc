/**
 * `npm test`: runs every suite this machine can run, says which it skipped and why, and ends with one line
 * of totals. Suites: API + database on PGlite; the same on PostgreSQL when TEST_DATABASE_URL is set; web unit
 * tests; browser journeys in Chromium when it is installed (E2E=1 makes a missing Chromium a failure).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface SuiteResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  reason?: string;
  passed: number;
  failed: number;
  skipped: number;
}

const results: SuiteResult[] = [];

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`OneCity needs Node.js 24 or newer (this is ${process.version}).`);
  process.exit(1);
}

function exec(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function runVitest(name: string, config: string, env: NodeJS.ProcessEnv): Promise<void> {
  const report = path.join(os.tmpdir(), `onecity-vitest-${process.pid}-${results.length}.json`);
  console.log(`\n=== ${name} ===`);
  // Each workspace's config resolves its paths from its own folder.
  const code = await exec(process.execPath, [vitest, 'run', '--config', path.basename(config), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env, path.join(root, path.dirname(config)));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    skipped = json.numPendingTests + json.numTodoTests;
    fs.rmSync(report, { force: true });
  }
  const ok = code === 0 && failed === 0 && passed > 0;
  results.push({ name, status: ok ? 'passed' : 'failed', passed, failed: ok ? failed : Math.max(failed, 1), skipped, ...(passed === 0 ? { reason: 'no test ran' } : {}) });
}

function skip(name: string, reason: string): void {
  console.log(`\n=== ${name} === skipped: ${reason}`);
  results.push({ name, status: 'skipped', reason, passed: 0, failed: 0, skipped: 0 });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return false;
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const baseEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
const { TEST_DATABASE_URL: postgresUrl, ...withoutPostgres } = baseEnv;

await runVitest('API and database on PGlite', 'apps/api/vitest.config.ts', withoutPostgres);
if (postgresUrl) await runVitest('API and database on PostgreSQL', 'apps/api/vitest.config.ts', { ...baseEnv, TEST_DATABASE_URL: postgresUrl });
else skip('API and database on PostgreSQL', 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)');

await runVitest('Web unit tests', 'apps/web/vitest.config.ts', withoutPostgres);

if (process.env.E2E === '0') {
  skip('Browser journeys (Chromium)', 'E2E=0');
} else if (!fs.existsSync(chromium)) {
  const reason = `Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.E2E === '1') results.push({ name: 'Browser journeys (Chromium)', status: 'failed', reason, passed: 0, failed: 1, skipped: 0 });
  else skip('Browser journeys (Chromium)', reason);
} else {
  console.log('\n=== Building the web app for the browser journeys ===');
  const built = await exec(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn'], withoutPostgres);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  // The payment journeys need the sandbox bank and gateway (the development default, named here so a PAYMENT_PROVIDERS
  // of the caller's shell cannot turn them off); PUBLIC_URL is the address the browser uses, so the gateway's return
  // lands on the same origin as the session cookie.
  const server = spawn(process.execPath, [path.join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...withoutPostgres, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000', PAYMENT_PROVIDERS: 'sandbox' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    if (built !== 0) results.push({ name: 'Browser journeys (Chromium)', status: 'failed', reason: 'web build failed', passed: 0, failed: 1, skipped: 0 });
    else if (!(await waitForHealth(url, server, 120_000))) results.push({ name: 'Browser journeys (Chromium)', status: 'failed', reason: 'server did not become ready', passed: 0, failed: 1, skipped: 0 });
    else await runVitest('Browser journeys (Chromium)', 'apps/web/vitest.e2e.config.ts', { ...withoutPostgres, E2E_BASE_URL: url, CHROMIUM_PATH: chromium });
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log('\n=== Summary ===');
for (const result of results) {
  const counts = result.status === 'skipped' ? '' : ` (${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped)`;
  console.log(`${result.status.toUpperCase().padEnd(8)} ${result.name}${counts}${result.reason ? ` — ${result.reason}` : ''}`);
}
const total = results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.some((r) => r.status === 'failed') ? 1 : 0);
