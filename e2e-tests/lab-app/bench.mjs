#!/usr/bin/env node
// Page-load benchmark of the lab app: the same notebook opened in turn through each target (a
// Jupyter server directly, or nbguard in front of it), a fresh browser context (cold cache) each
// time, one browser, targets interleaved so that machine noise hits them alike.
//   node bench.mjs --targets targets.json --out result.json [--rounds 15] [--warmup 2]
// targets.json: [{"name", "base", "token", "notebook"}]
// Per open: loadMs (navigation start to the load event: page and bundle fetched), firstOutputMs
// (to the first stored output rendered: contents API read, notebook model built, rendered),
// readyMs (kernel session idle), execMs (Shift+Enter on `21 * 2` until its output shows).
import { readFileSync, writeFileSync } from 'node:fs';
import { launchBrowser } from './driver/browser.mjs';
import { labUi } from './driver/lab-ui.mjs';

function parseArgs(argv) {
  const args = { rounds: 15, warmup: 2 };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`option ${key} needs a value`);
    if (key === '--targets') args.targets = value;
    else if (key === '--out') args.out = value;
    else if (key === '--rounds') args.rounds = Number.parseInt(value, 10);
    else if (key === '--warmup') args.warmup = Number.parseInt(value, 10);
    else throw new Error(`unknown option '${key}'`);
  }
  if (!args.targets || !args.out) throw new Error('--targets and --out are required');
  if (!(args.rounds >= 1 && args.rounds <= 200)) throw new Error('--rounds must be 1..200');
  return args;
}

async function openOnce(browser, target) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    // stamps the first moment a rendered output is in the DOM, relative to navigation start
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('.jp-OutputArea-output')) {
          window.__nbgFirstOutput = performance.now();
          observer.disconnect();
        }
      });
      document.addEventListener('DOMContentLoaded', () =>
        observer.observe(document.body, { childList: true, subtree: true })
      );
    });
    const url = labUi.url(target.base, target.token, target.notebook);
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await page.waitForFunction(() => window.__nbgFirstOutput !== undefined, null, { timeout: 60000 });
    await labUi.waitReady(page, 60000);
    const times = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { loadMs: nav.loadEventEnd, firstOutputMs: window.__nbgFirstOutput, readyMs: performance.now() };
    });
    const cells = await labUi.cellCount(page);
    const started = Date.now();
    await labUi.runCell(page, cells - 1, '21 * 2', 60000);
    await page.waitForFunction(
      i => {
        const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
        return cell && cell.querySelector('.jp-OutputArea-output') && cell.innerText.includes('42');
      },
      cells - 1,
      { timeout: 60000 }
    );
    times.execMs = Date.now() - started;
    return times;
  } finally {
    await context.close();
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const targets = JSON.parse(readFileSync(args.targets, 'utf8'));
  const samples = Object.fromEntries(targets.map(t => [t.name, []]));
  const browser = await launchBrowser();
  try {
    for (let round = -args.warmup; round < args.rounds; round++) {
      // rotate the order each round so no target always goes first
      const order = targets.map((_, i) => targets[(i + Math.max(round, 0)) % targets.length]);
      for (const target of order) {
        const times = await openOnce(browser, target);
        if (round >= 0) samples[target.name].push(times);
      }
    }
  } finally {
    await browser.close();
  }
  const metrics = ['loadMs', 'firstOutputMs', 'readyMs', 'execMs'];
  const medians = {};
  for (const t of targets) {
    medians[t.name] = Object.fromEntries(metrics.map(m => [m, median(samples[t.name].map(s => s[m]))]));
  }
  writeFileSync(args.out, JSON.stringify({ rounds: args.rounds, medians, samples }, null, 1));
  for (const t of targets) {
    process.stderr.write(`bench: ${t.name}: ${metrics.map(m => `${m} ${medians[t.name][m].toFixed(0)}`).join(', ')}\n`);
  }
}

main().catch(e => {
  process.stderr.write(`bench: ${e.stack || e.message}\n`);
  process.exit(2);
});
