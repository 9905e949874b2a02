/**
 * Renderer bundle: renderer/index.html → dist/renderer. `base: './'` because the shell loads the
 * files from its own app:// origin (and the preview server from a sub-path), never from a dev server.
 * Sourcemaps stay off in production so the packaged app does not ship our sources a second time.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig(({ mode }) => ({
  root: `${repo}renderer`,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${repo}dist/renderer`,
    emptyOutDir: true,
    sourcemap: mode !== 'production',
    // Electron 45 ships a current Chromium; no need to down-level.
    target: 'chrome140',
    // Vite would otherwise inline small assets as data: URLs for scripts/styles, which the CSP refuses.
    assetsInlineLimit: 0,
  },
  server: { fs: { allow: [repo] } },
}));
