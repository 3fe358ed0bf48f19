import { defineConfig } from 'vite';

/**
 * Builds the command-line tool (src/cli/main.ts) into one ESM file for Node, with
 * js-yaml and ipaddr.js bundled, so `bin/netpol-canvas.mjs` starts without a TypeScript runtime.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'netpol-canvas.mjs', banner: '/* eslint-disable */' },
    },
  },
});
