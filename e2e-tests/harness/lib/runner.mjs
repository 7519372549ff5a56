// Runs cases in one headless Chromium: a fresh document per case (a raw attack may trash its
// page: each case navigates the worker's tab to a new document, a new JS realm, and ends on
// about:blank), one browser context and tab per worker, both recycled every few cases and after
// any error or timeout.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { interact } from './interact.mjs';
import { measure } from './measure.mjs';

const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // a case's document must not live on in the back/forward cache after the next case starts
  '--disable-features=BackForwardCache'
];
const SETTLE_QUIET_MS = 150;
const SETTLE_MAX_MS = 1500;
// Benign outputs are measured, so they get longer to finish (plotly's inline 3 MB script, MathJax).
const MEASURE_SETTLE_MAX_MS = 5000;
const MEASURE_QUIET_MS = 400;
const AFTER_INTERACTION_MS = 300;
const INTERACTION_BUDGET_MS = 6000;
const CASE_TIMEOUT_MS = 20000;
const CASES_PER_CONTEXT = 40;

export async function launch() {
  const executablePath =
    process.env.NBG_CHROMIUM || CHROMIUM_CANDIDATES.find(p => existsSync(p));
  if (!executablePath) {
    throw new Error('Chromium not found (tried ' + CHROMIUM_CANDIDATES.join(', ') + '; set NBG_CHROMIUM)');
  }
  // Playwright gives the browser a fresh temporary profile (user-data-dir) and removes it.
  const browser = await chromium.launch({ executablePath, headless: true, args: FLAGS });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
    }
  };
}

/** Widget model state of a case as the page wants it: {model_id: {model_name, model_module, state}}. */
function widgetModels(testCase) {
  const list = [];
  if (testCase.widget) list.push(testCase.widget);
  if (Array.isArray(testCase.widgets)) list.push(...testCase.widgets);
  const models = {};
  for (const w of list) {
    if (w && typeof w.model_id === 'string') models[w.model_id] = w;
  }
  if (testCase.widgets && !Array.isArray(testCase.widgets) && typeof testCase.widgets === 'object') {
    Object.assign(models, testCase.widgets);
  }
  return models;
}

function withoutHash(url) {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

function sameOrigin(url, origin) {
  try {
    return new URL(url).origin === origin;
  } catch (e) {
    return false;
  }
}

/**
 * Renders one case in `page` (the worker's page, navigated to a fresh document per case: a new
 * JS realm, so nothing of the previous case's document survives); returns the case's result.
 */
export async function runCase(page, server, testCase, options) {
  const { token, url } = server.newCase();
  const signals = [];
  const observed = [];
  const started = Date.now();
  let rendered = false;
  let finished = false;
  let navigatedAway = false;
  const inflight = new Set();
  const listeners = [];
  const on = (target, event, fn) => {
    target.on(event, fn);
    listeners.push(() => target.off(event, fn));
  };
  on(page, 'request', r => inflight.add(r));
  on(page, 'requestfinished', r => inflight.delete(r));
  on(page, 'requestfailed', r => inflight.delete(r));
  on(page, 'dialog', d => {
    if (!finished) {
      signals.push({ type: 'dialog', dialog: d.type(), message: d.message().slice(0, 200) });
    }
    d.dismiss().catch(() => undefined);
  });
  on(page, 'console', m => {
    // Control cases mark what ran where (e.g. inside a sandboxed frame) without counting it.
    const text = m.text();
    if (text.startsWith('nbg-control:')) observed.push({ type: 'console', text: text.slice(0, 200) });
  });
  on(page, 'framenavigated', f => {
    if (rendered && !finished && f === page.mainFrame() && withoutHash(f.url()) !== withoutHash(url)) {
      navigatedAway = true;
      signals.push({ type: 'navigation', url: f.url().slice(0, 300) });
    }
  });
  on(page, 'popup', popup => {
    observed.push({ type: 'popup', url: popup.url().slice(0, 300) });
    popup.on('dialog', d => {
      const entry = { type: 'popup-dialog', dialog: d.type(), url: popup.url().slice(0, 300), message: d.message().slice(0, 200) };
      if (!finished) (sameOrigin(popup.url(), server.origin) ? signals : observed).push(entry);
      d.dismiss().catch(() => undefined);
    });
    setTimeout(() => popup.close().catch(() => undefined), 400);
  });

  const result = { id: testCase.id };
  const timing = {};
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 15000 });
    await page.waitForFunction(() => typeof window.__nbgRender === 'function', null, { timeout: 15000 });
    // The mouse stays where the previous case left it: park it outside the output, else an
    // element rendered under it gets :hover without a transition and no mouseover ever fires.
    await page.mouse.move(1, 1);
    rendered = true;
    timing.load = Date.now() - started;
    await page.evaluate(c => window.__nbgRender(c), {
      bundle: testCase.bundle || {},
      widgets: widgetModels(testCase)
    });
    const settleStart = Date.now();
    timing.render = settleStart - started;
    const measuring = options.mode === 'measure';
    const settleMax = measuring ? MEASURE_SETTLE_MAX_MS : SETTLE_MAX_MS;
    const quiet = measuring ? MEASURE_QUIET_MS : SETTLE_QUIET_MS;
    await page.evaluate(([q, m]) => window.__nbgSettle(q, m), [quiet, settleMax]).catch(() => undefined);
    while (inflight.size > 0 && Date.now() - settleStart < settleMax && !navigatedAway) {
      await new Promise(r => setTimeout(r, 25));
    }
    if (options.mode === 'measure') {
      await settleFrames(page, Date.now() + MEASURE_SETTLE_MAX_MS);
    }
    timing.settle = Date.now() - started;
    if (options.screenshots && !navigatedAway) {
      const file = path.join(options.screenshots, `${options.label || ''}${safeName(testCase.id)}.png`);
      await page.screenshot({ path: file, fullPage: true, timeout: 5000 }).catch(() => undefined);
    }
    if (options.mode === 'measure') {
      result.measure = await stableMeasure(page, Date.now() + MEASURE_SETTLE_MAX_MS);
    } else {
      // A case that already ran script needs no user: skip the interaction (it is the slow part).
      const pending = server.peek(token);
      const ranAlready =
        signals.length > 0 || pending.beacons.length > 0 || pending.requests.some(r => r.counts) ||
        (await page.evaluate(() => (window.__nbgHits || []).length > 0).catch(() => false));
      if (!ranAlready) {
        const deadline = Date.now() + INTERACTION_BUDGET_MS;
        await interact(page, () => navigatedAway || page.isClosed() || Date.now() > deadline);
        await new Promise(r => setTimeout(r, AFTER_INTERACTION_MS));
      }
      result.interacted = !ranAlready;
    }
  } catch (e) {
    if (!navigatedAway) {
      result.error = String(e.message || e).split('\n')[0].slice(0, 300);
    }
  }
  const hits = await page
    .evaluate(() => Array.from(window.__nbgHits || []))
    .catch(() => []);
  finished = true;
  // End the case's document before the next case starts (its timers die with it).
  await page.goto('about:blank', { timeout: 5000 }).catch(() => undefined);
  for (const off of listeners) off();
  const recorded = server.take(token);
  for (const b of recorded.beacons) {
    signals.push({ type: b.kind === 'pwn' ? 'pwn' : 'app', id: b.id });
  }
  for (const h of hits) {
    const colon = h.indexOf(':');
    const type = h.slice(0, colon) === 'pwn' ? 'pwn' : 'app';
    const id = h.slice(colon + 1);
    if (!signals.some(s => s.type === type && s.id === id)) {
      signals.push({ type, id });
    }
  }
  for (const r of recorded.requests) {
    (r.counts ? signals : observed).push({ type: 'request', ...r });
  }
  result.executed = signals.length > 0;
  result.signals = signals;
  if (observed.length > 0) result.observed = observed;
  timing.total = Date.now() - started;
  result.ms = timing;
  return result;
}

/**
 * Measures until two measurements 400 ms apart agree (or the deadline passes): charts add their
 * last elements from timers well after the DOM first looks quiet.
 */
async function stableMeasure(page, deadline) {
  let previous = await measure(page);
  while (Date.now() < deadline) {
    await new Promise(r => setTimeout(r, MEASURE_QUIET_MS));
    const current = await measure(page);
    if (JSON.stringify(current) === JSON.stringify(previous)) {
      return current;
    }
    previous = current;
  }
  return previous;
}

/**
 * Waits for every child frame (nbguard's sandbox, an output's own iframe) to load and then to
 * stop changing, until the deadline: a sandboxed plotly page builds its chart after the top
 * page's output is long quiet.
 */
async function settleFrames(page, deadline) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.isDetached()) {
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      return;
    }
    await frame.waitForLoadState('load', { timeout: left }).catch(() => undefined);
    await frame
      .evaluate(
        ([quietMs, maxMs]) =>
          new Promise(resolve => {
            const start = performance.now();
            let last = start;
            const observer = new MutationObserver(() => {
              last = performance.now();
            });
            observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            const tick = () => {
              const now = performance.now();
              if (now - last >= quietMs || now - start >= maxMs) {
                observer.disconnect();
                resolve();
              } else {
                setTimeout(tick, 25);
              }
            };
            setTimeout(tick, 25);
          }),
        [MEASURE_QUIET_MS, Math.max(0, deadline - Date.now())]
      )
      .catch(() => undefined);
  }
}

function safeName(id) {
  return String(id).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
}

/** Runs all cases with bounded concurrency; results come back in input order. */
export async function runAll(cases, server, options) {
  const launched = await launch();
  const results = new Array(cases.length);
  let next = 0;
  let done = 0;
  const startedAll = Date.now();
  async function worker() {
    let context = null;
    let page = null;
    let used = 0;
    const dispose = async () => {
      if (context) await context.close().catch(() => undefined);
      context = null;
      page = null;
    };
    while (next < cases.length) {
      const index = next++;
      if (!context || used >= CASES_PER_CONTEXT) {
        await dispose();
        context = await launched.browser.newContext({ viewport: { width: 1000, height: 800 } });
        used = 0;
      }
      if (!page || page.isClosed()) {
        page = await context.newPage();
      }
      used++;
      let timer;
      const timeout = new Promise(resolve => {
        timer = setTimeout(() => resolve(null), CASE_TIMEOUT_MS);
      });
      const outcome = await Promise.race([
        runCase(page, server, cases[index], options).catch(e => ({
          id: cases[index].id,
          executed: false,
          signals: [],
          error: String(e.message || e).split('\n')[0]
        })),
        timeout
      ]);
      clearTimeout(timer);
      if (outcome === null) {
        results[index] = { id: cases[index].id, executed: false, signals: [], error: `timed out after ${CASE_TIMEOUT_MS} ms` };
        await dispose();
      } else {
        results[index] = outcome;
        if (outcome.error) await dispose();
      }
      done++;
      if (done % 50 === 0 || done === cases.length) {
        const s = ((Date.now() - startedAll) / 1000).toFixed(1);
        process.stderr.write(`run-cases: ${done}/${cases.length} cases in ${s} s\n`);
      }
    }
    await dispose();
  }
  try {
    const workers = Math.max(1, Math.min(options.concurrency || 2, cases.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await launched.close();
  }
  return results;
}
