// The console's build: React through Vite into console/dist, content-hashed files under assets/
// (served as immutable by src/http/console), the SDK taken from its source. `npm run build` at
// the root builds it; `npm run console:dev` serves it with hot reload against a server on :3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@switchboard/sdk': here('../sdk/src/index.ts') } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // An SVG favicon stays a file: the CSP allows no inline data for anything but images anyway.
    assetsInlineLimit: 0,
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/openapi.json': 'http://127.0.0.1:3000' } },
});
