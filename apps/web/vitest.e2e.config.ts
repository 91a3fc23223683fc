import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser journeys against a running API that serves the built web app.
 * Run with E2E_BASE_URL set, e.g. from the repository root:
 *   E2E_BASE_URL=http://127.0.0.1:3000 npx vitest run -c apps/web/vitest.e2e.config.ts
 */
export default defineConfig({
  // Resolve paths from apps/web whatever directory the run starts in (root scripts, CI).
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    environment: 'node',
    include: ['src/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
