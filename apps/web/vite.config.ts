import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// During `vite dev` the API runs separately (npm run dev at the root, port 3000 by default);
// the proxy keeps requests same-origin so the session cookie and CSRF header work as in production.
const apiTarget = process.env.ONECITY_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
