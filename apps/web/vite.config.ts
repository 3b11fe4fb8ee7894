import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built by infra/src/web-build.ts into apps/web/dist; the API serves it at / (apps/api/src/web/web-app.ts).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under assets/: the API serves them with a year-long immutable cache.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
