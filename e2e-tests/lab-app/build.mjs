// Bundles the lab app (src/app.js and the JupyterLab packages it imports) into
// dist/nbguard-lab/, a directory a Jupyter server serves with
// --ServerApp.extra_static_paths=<this dir>/dist (at <base>/static/nbguard-lab/index.html).
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';

/**
 * `import()` of a CommonJS module: webpack (JupyterLab's bundler) gives the module's named
 * exports, esbuild's split chunks only `default`. @jupyterlab/mathjax-extension destructures
 * named exports of mathjax-full's CommonJS modules: wrap those in an ES module re-exporting
 * each `exports.NAME` (the same plugin as ../harness/build.mjs).
 */
const cjsDynamicImports = {
  name: 'cjs-dynamic-imports',
  setup(build) {
    build.onResolve({ filter: /^mathjax-full\// }, async args => {
      if (args.kind !== 'dynamic-import') {
        return undefined;
      }
      const resolved = await build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir });
      return { path: resolved.path, namespace: 'cjs-wrap' };
    });
    build.onLoad({ filter: /.*/, namespace: 'cjs-wrap' }, async args => {
      const source = await readFile(args.path, 'utf8');
      const names = new Set();
      for (const m of source.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)) names.add(m[1]);
      for (const m of source.matchAll(/Object\.defineProperty\(exports,\s*"([A-Za-z_$][\w$]*)"/g)) {
        names.add(m[1]);
      }
      names.delete('__esModule');
      names.delete('default');
      const lines = [`const m = require(${JSON.stringify(args.path)});`, 'export default m;'];
      for (const n of names) lines.push(`export const ${n} = m.${n};`);
      return { contents: lines.join('\n'), resolveDir: '/' };
    });
  }
};

const out = 'dist/nbguard-lab';
const started = Date.now();
await rm('dist', { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: { app: 'src/app.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  outdir: out,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [cjsDynamicImports],
  // webpack 5 gives browser bundles no `process`; path-browserify (URL resolution) calls
  // process.cwd(), so give it the minimal shim JupyterLab's own build provides
  banner: { js: "globalThis.process ??= { env: {}, cwd: () => '/', platform: 'browser' };" },
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __dirname: '"/"' },
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
await copyFile('src/index.html', `${out}/index.html`);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`lab app built in ${out}/ (${(bytes / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
