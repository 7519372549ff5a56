// Bundles the harness page (src/page.js and the JupyterLab packages it imports) into dist/.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';

/**
 * `import()` of a CommonJS module: webpack (JupyterLab's bundler) gives the module's named
 * exports, esbuild's split chunks only `default`. @jupyterlab/mathjax-extension destructures
 * named exports of mathjax-full's CommonJS modules, so wrap those in an ES module that
 * re-exports each `exports.NAME` of the file.
 */
const cjsDynamicImports = {
  name: 'cjs-dynamic-imports',
  setup(build) {
    build.onResolve({ filter: /^mathjax-full\// }, async args => {
      if (args.kind !== 'dynamic-import') {
        return undefined;
      }
      const resolved = await build.resolve(args.path, {
        kind: 'require-call',
        resolveDir: args.resolveDir
      });
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
  plugins: [cjsDynamicImports],
  // webpack (JupyterLab's bundler) gives modules these; mathjax-full reads __dirname
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
await copyFile('src/index.html', 'dist/index.html');
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`harness page built in dist/ (${(bytes / 1e6).toFixed(1)} MB) in ${Date.now() - started} ms`);
