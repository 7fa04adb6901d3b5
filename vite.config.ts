import { defineConfig } from 'vite';

// The web UI: built into dist/web, served by `newstrace serve` beside the API.
export default defineConfig({
  root: 'web',
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false },
});
