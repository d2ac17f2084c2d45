// The three bench pages, bundled with Vite's JS API into a temporary folder: Gloss's page compiles
// the editor from src/ exactly as the app's build does (React plugin, production mode); the peers'
// pages are only the harness, their editors load as the published bundles.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const PAGES_DIR = resolve(import.meta.dirname, 'pages');

export type PageName = 'gloss' | 'label-studio' | 'annotorious';

async function buildPages(outDir: string, pages: PageName[], emptyOutDir: boolean) {
  await build({
    configFile: false,
    root: PAGES_DIR,
    base: '/',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: { input: Object.fromEntries(pages.map((p) => [p, resolve(PAGES_DIR, `${p}.html`)])) },
    },
  });
}

/**
 * Builds the peers' pages, then Gloss's into the same folder. A Gloss page that does not build is
 * reported and returned as an error, so the peers are still measured.
 */
export async function buildBenchPages(outDir: string): Promise<{ glossError: Error | null }> {
  await buildPages(outDir, ['label-studio', 'annotorious'], true);
  try {
    await buildPages(outDir, ['gloss'], false);
    return { glossError: null };
  } catch (err) {
    return { glossError: err as Error };
  }
}
