/**
 * Child processes of the benchmarks: the API as `npm start` runs it (node apps/api/src/main.ts with its
 * configuration from the environment) and the raw ceiling server; time to ready and resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resident set size of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

export interface Started {
  child: ChildProcess;
  url: string;
  readyMs: number;
  rssMiB: number;
  stop(): Promise<void>;
}

/** Starts a node script and waits until GET /health answers 200; measures the time from spawn to ready. */
export async function startNode(script: string, env: NodeJS.ProcessEnv, port: number, timeoutMs = 180_000): Promise<Started> {
  const started = performance.now();
  const output: string[] = [];
  const child = spawn(process.execPath, [script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${path.basename(script)} exited with ${child.exitCode}:\n${output.join('').slice(-3000)}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) {
        const readyMs = performance.now() - started;
        return { child, url, readyMs, rssMiB: rssMiB(child.pid ?? 0), stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await stop();
  throw new Error(`${path.basename(script)} was not ready within ${timeoutMs} ms:\n${output.join('').slice(-3000)}`);
}

/** The API's environment for a benchmark: the rate limiter out of the way, request logging off, the demo seed as npm start has it. */
export function apiEnv(database: { databaseUrl?: string; dataDir?: string }, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...rest } = process.env;
  return {
    ...rest,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATA_DIR: database.dataDir ?? '' }),
    ...extra,
  };
}
