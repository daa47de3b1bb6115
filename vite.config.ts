import { defineConfig } from 'vite';

// The client lives in client/; `vite build` writes client/dist, which the API serves in production.
export default defineConfig({
  root: 'client',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
