/**
 * Graceful shutdown, on the real process: a request in flight when SIGTERM arrives still gets its answer,
 * then the process exits cleanly and releases the data directory.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onecity-shutdown-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('graceful shutdown', () => {
  it('finishes the in-flight request, then exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'src/main.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        NODE_ENV: 'development',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        // A deliberately slow password hash keeps the login request in flight while the signal arrives.
        ARGON2_MEMORY_KIB: '131072',
        ARGON2_ITERATIONS: '12',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 240; i += 1) {
      const ok = await fetch(`${base}/health`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const inFlight = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'nobody@example.vn', password: 'not a real password' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('identity.invalid_credentials');
    const stderr: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    expect(await exited, stderr.join('')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'onecity.pid'))).toBe(false);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
