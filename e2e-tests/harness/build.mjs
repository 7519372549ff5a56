// Bundles the harness page (src/page.js and the JupyterLab packages it imports) into dist/.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const started = Date.now();
await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
const result = await esbuild.build({
  entryPoints: { page: 'src/page.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  outdir: 'dist',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  loader: {
    '.svg': 'dataurl',
    '.png': 'dataurl',
    '.gif': 'dataurl',
    '.woff': 'file',
    '.woff2': 'file',
    '.ttf': 'file',
    '.eot': 'file',
    '.otf': 'file'
  },
  assetNames: 'assets/[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]'
});
await copyFile('src/index.html', 'dist/index.html');
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`harness page built in dist/ (${(bytes / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
