import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = resolve(import.meta.dirname, 'src/web');

// The web app: sources in src/web, bundle in dist/web (served by the Gloss server, which builds it
// on first start when it is missing). Everything is bundled; the app makes no requests off-site.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
  },
  server: {
    // `vite` in development proxies the API to a Gloss server on its default port.
    proxy: { '/api': 'http://localhost:8080' },
  },
});
