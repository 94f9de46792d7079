/**
 * Builds the renderer into out/renderer. `base: './'` keeps asset URLs relative, so the
 * same build is served by the web host and by Electron's custom protocol.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // The CSP forbids inline scripts and styles: keep every asset a file of its own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // One bundle read from the local disk (or loopback), never over a network: ~245 kB gzipped is fine.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: {
        // zod and the module that configures it share one chunk, so no schema anywhere can
        // run before `jitless` is set (zod's eval probe would be a CSP violation).
        manualChunks: (id: string) => (/[\\/]node_modules[\\/]zod[\\/]|[\\/]app[\\/]zod-config\.ts$/.test(id) ? 'zod' : undefined),
      },
    },
  },
});
