/**
 * `npm test`: runs every suite this machine can run, says which it skipped and why, and ends with one line
 * of totals. Suites: API + database on PGlite; the same on PostgreSQL when TEST_DATABASE_URL is set; web unit
 * tests; browser journeys in Chromium when it is installed (E2E=1 makes a missing Chromium a failure).
 *
 * The suites share nothing (each API test file has its own database, the browser journeys their own server and
 * data directory), so they run side by side in lanes, each lane one suite after another. A suite's output is
 * held back and printed in one piece when it finishes, so two suites never interleave; a line says when each
 * starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const startedAt = Date.now();

interface SuiteResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  reason?: string;
  passed: number;
  failed: number;
  skipped: number;
}

const SUITES = {
  pglite: 'API and database on PGlite',
  postgres: 'API and database on PostgreSQL',
  web: 'Web unit tests',
  journeys: 'Browser journeys (Chromium)',
} as const;
type SuiteKey = keyof typeof SUITES;

const results = new Map<SuiteKey, SuiteResult>();

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`OneCity needs Node.js 24 or newer (this is ${process.version}).`);
  process.exit(1);
}

function elapsed(since: number): string {
  const seconds = Math.round((Date.now() - since) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One suite's output (its processes' stdout and stderr, in the order they wrote), printed when the suite ends. */
class Output {
  private readonly chunks: Buffer[] = [];

  line(text: string): void {
    this.chunks.push(Buffer.from(`${text}\n`));
  }

  capture(child: ChildProcess): void {
    child.stdout?.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.chunks.push(chunk));
  }

  print(): void {
    process.stdout.write(Buffer.concat(this.chunks));
  }
}

/**
 * Resolves with the exit code once the process has exited and its output has been read. A process it started and
 * left behind could hold the pipes open for ever, so the output gets a few seconds to drain, not more.
 */
function finished(child: ChildProcess, output: Output): Promise<number> {
  return new Promise((resolve) => {
    child.once('error', (error) => {
      output.line(String(error));
      resolve(1);
    });
    child.once('exit', (code) => {
      const drained = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        resolve(code ?? 1);
      }, 5_000);
      child.once('close', () => {
        clearTimeout(drained);
        resolve(code ?? 1);
      });
    });
  });
}

function exec(command: string, args: string[], env: NodeJS.ProcessEnv, output: Output, cwd = root): Promise<number> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  output.capture(child);
  return finished(child, output);
}

// Output goes through a pipe, so vitest would drop its colours; keep them when they end up on a terminal.
const colour = process.stdout.isTTY && !('NO_COLOR' in process.env) ? ['--color'] : [];

async function runVitest(key: SuiteKey, config: string, env: NodeJS.ProcessEnv, output: Output): Promise<void> {
  const name = SUITES[key];
  const report = path.join(os.tmpdir(), `onecity-vitest-${process.pid}-${key}.json`);
  // Each workspace's config resolves its paths from its own folder.
  const code = await exec(process.execPath, [vitest, 'run', '--config', path.basename(config), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...colour], env, output, path.join(root, path.dirname(config)));
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
  results.set(key, { name, status: ok ? 'passed' : 'failed', passed, failed: ok ? failed : Math.max(failed, 1), skipped, ...(passed === 0 ? { reason: 'no test ran' } : {}) });
}

function skip(key: SuiteKey, reason: string): void {
  console.log(`=== ${SUITES[key]} === skipped: ${reason}`);
  results.set(key, { name: SUITES[key], status: 'skipped', reason, passed: 0, failed: 0, skipped: 0 });
}

function fail(key: SuiteKey, reason: string): void {
  results.set(key, { name: SUITES[key], status: 'failed', reason, passed: 0, failed: 1, skipped: 0 });
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

async function browserJourneys(output: Output): Promise<void> {
  output.line('Building the web app for the browser journeys');
  const built = await exec(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn'], withoutPostgres, output);
  if (built !== 0) return fail('journeys', 'web build failed');
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  // The payment journeys need the sandbox bank and gateway (the development default, named here so a PAYMENT_PROVIDERS
  // of the caller's shell cannot turn them off); PUBLIC_URL is the address the browser uses, so the gateway's return
  // lands on the same origin as the session cookie.
  const server = spawn(process.execPath, [path.join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...withoutPostgres, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000', PAYMENT_PROVIDERS: 'sandbox' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  output.capture(server);
  const exited = finished(server, output);
  try {
    if (!(await waitForHealth(url, server, 120_000))) fail('journeys', 'server did not become ready');
    else await runVitest('journeys', 'apps/web/vitest.e2e.config.ts', { ...withoutPostgres, E2E_BASE_URL: url, CHROMIUM_PATH: chromium }, output);
  } finally {
    server.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const running = new Map<SuiteKey, Output>();

// Ctrl-C stops the suites (they are in the same process group); show what they had printed so far.
process.once('SIGINT', () => {
  for (const [key, output] of running) {
    console.log(`\n=== ${SUITES[key]} === (interrupted after ${elapsed(startedAt)})`);
    output.print();
  }
  process.exit(130);
});

/** Runs one suite with its output held back, then prints that output under the suite's name. */
async function suite(key: SuiteKey, body: (output: Output) => Promise<void>): Promise<void> {
  const since = Date.now();
  console.log(`[${elapsed(startedAt)}] ${SUITES[key]}: started`);
  const output = new Output();
  running.set(key, output);
  try {
    await body(output);
  } catch (error) {
    output.line(error instanceof Error ? (error.stack ?? error.message) : String(error));
    fail(key, `the test runner failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!results.has(key)) fail(key, 'no result');
  running.delete(key);
  console.log(`\n=== ${SUITES[key]} === (${results.get(key)?.status} after ${elapsed(since)}, at ${elapsed(startedAt)})`);
  output.print();
}

const tasks = new Map<SuiteKey, () => Promise<void>>();
tasks.set('pglite', () => suite('pglite', (output) => runVitest('pglite', 'apps/api/vitest.config.ts', withoutPostgres, output)));
if (postgresUrl) tasks.set('postgres', () => suite('postgres', (output) => runVitest('postgres', 'apps/api/vitest.config.ts', { ...baseEnv, TEST_DATABASE_URL: postgresUrl }, output)));
else skip('postgres', 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
tasks.set('web', () => suite('web', (output) => runVitest('web', 'apps/web/vitest.config.ts', withoutPostgres, output)));
if (process.env.E2E === '0') {
  skip('journeys', 'E2E=0');
} else if (!fs.existsSync(chromium)) {
  const reason = `Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.E2E === '1') fail('journeys', reason);
  else skip('journeys', reason);
} else {
  tasks.set('journeys', () => suite('journeys', browserJourneys));
}

// Two lanes, one per core of a small CI machine: the PGlite suite is the longest and keeps a core busy on its own;
// the PostgreSQL suite (whose server does part of its work), the web unit tests and the browser journeys follow one
// another beside it. Measured on 2 cores, this beat both one suite at a time and every suite at once.
const lanes: SuiteKey[][] = [['pglite'], ['postgres', 'web', 'journeys']];
await Promise.all(
  lanes.map(async (lane) => {
    for (const key of lane) await tasks.get(key)?.();
  }),
);

// In the order of SUITES, whatever order they finished in.
const reported = (Object.keys(SUITES) as SuiteKey[]).flatMap((key) => results.get(key) ?? []);
console.log('\n=== Summary ===');
for (const result of reported) {
  const counts = result.status === 'skipped' ? '' : ` (${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped)`;
  console.log(`${result.status.toUpperCase().padEnd(8)} ${result.name}${counts}${result.reason ? ` — ${result.reason}` : ''}`);
}
const total = reported.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(reported.some((r) => r.status === 'failed') ? 1 : 0);
