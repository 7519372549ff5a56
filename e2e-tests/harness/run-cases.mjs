#!/usr/bin/env node
// Renders Jupyter MIME bundles with JupyterLab's own renderers in headless Chromium.
//   node run-cases.mjs --in cases.jsonl --out results.json [--concurrency 2]
//                      [--mode attack|measure] [--screenshots DIR]
// cases.jsonl: one {"id", "bundle": {"data", "metadata"}, "widget"?: {...}} per line.
// attack mode: [{"id", "executed", "signals": [...], "observed"?: [...], "error"?}]
// measure mode: [{"id", "measure": {text, cells, tdColors, imagesLoaded, svgShapes, ...}}]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';
import { runAll } from './lib/runner.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { concurrency: 2, mode: 'attack' };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!key.startsWith('--') || value === undefined) {
      throw new Error(`bad argument '${key}'`);
    }
    i++;
    switch (key) {
      case '--in': args.in = value; break;
      case '--out': args.out = value; break;
      case '--concurrency': args.concurrency = Number.parseInt(value, 10); break;
      case '--mode': args.mode = value; break;
      case '--screenshots': args.screenshots = value; break;
      case '--label': args.label = value; break;
      default: throw new Error(`unknown option '${key}'`);
    }
  }
  if (!args.in || !args.out) throw new Error('--in and --out are required');
  if (!['attack', 'measure'].includes(args.mode)) throw new Error(`--mode must be attack or measure`);
  if (!(args.concurrency >= 1 && args.concurrency <= 8)) throw new Error('--concurrency must be 1..8');
  return args;
}

function readCases(file) {
  const cases = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
    if (line.trim() === '') return;
    let c;
    try {
      c = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${n + 1}: not JSON: ${e.message}`);
    }
    if (typeof c.id !== 'string' || typeof c.bundle !== 'object' || c.bundle === null) {
      throw new Error(`${file}:${n + 1}: a case needs a string "id" and an object "bundle"`);
    }
    cases.push(c);
  });
  return cases;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dist = path.join(here, 'dist');
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(path.join(dist, 'page.js'))) {
    throw new Error(`the harness page is not built: run 'npm ci && npm run build' in ${here}`);
  }
  const cases = readCases(args.in);
  if (args.screenshots) mkdirSync(args.screenshots, { recursive: true });
  const server = await startServer(dist);
  const started = Date.now();
  let results;
  try {
    results = await runAll(cases, server, args);
  } finally {
    await server.close();
  }
  writeFileSync(args.out, JSON.stringify(results, null, 1));
  const executed = results.filter(r => r.executed).length;
  const errors = results.filter(r => r.error).length;
  process.stderr.write(
    `run-cases: ${cases.length} cases (${args.mode}), ${executed} executed, ${errors} errors, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s\n`
  );
}

main().catch(e => {
  process.stderr.write(`run-cases: ${e.message}\n`);
  process.exit(2);
});
