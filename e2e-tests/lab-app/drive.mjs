#!/usr/bin/env node
// Drives a real notebook UI in headless Chromium (Debian's, never a downloaded one): opens a
// notebook, types and runs cells, observes each cell's output, saves, reopens and observes again.
//   node drive.mjs --scenario scenario.json --out result.json
// scenario: {"ui": "lab"|"classic", "base": "http://127.0.0.1:P/", "token", "notebook",
//            "cells": [{"id", "source"}], "screenshots"?: dir, "label", "reopen"?: true,
//            "timeoutMs"?: 60000, "run"?: false (observe the stored outputs only), "hideInputs"?: [cell ids whose code the screenshots hide]}
// result: {"label", "ui", "cells": [{"id", "ms", "output": {...}}], "pwned": [...],
//          "dialogs": [...], "reopen"?: {"cells", "pwned", "dialogs"}, "timings": {...}}
// "pwned" lists the markers payloads leave in the top page (window.__nbg_pwned); a dialog is
// recorded as well. Exit 0 when the run completed (the Java test judges the result), 2 on error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './driver/browser.mjs';
import { classicUi } from './driver/classic-ui.mjs';
import { labUi } from './driver/lab-ui.mjs';
import { observeOutputs, settle } from './driver/observe.mjs';

const UIS = { lab: labUi, classic: classicUi };

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`option ${key} needs a value`);
    if (key === '--scenario') args.scenario = value;
    else if (key === '--out') args.out = value;
    else throw new Error(`unknown option '${key}'`);
  }
  if (!args.scenario || !args.out) throw new Error('--scenario and --out are required');
  return args;
}

async function observeAll(page, ui, count) {
  const sel = ui.outputSelector(0);
  return page.evaluate(
    ([cellsSel, outSel, widgetSel, n]) => {
      const cells = document.querySelectorAll(cellsSel);
      const result = [];
      for (let i = 0; i < n; i++) {
        const cell = cells[i];
        const observed = window.__nbgObserve(cell ? cell.querySelector(outSel) : null);
        const widgets = cell && widgetSel ? cell.querySelector(widgetSel) : null;
        if (widgets) observed.widgetText = (widgets.innerText || '').slice(0, 2000);
        result.push(observed);
      }
      return result;
    },
    [sel.cells, sel.output, sel.widgets || null, count]
  );
}

async function settlePage(page, quietMs, maxMs) {
  return page.evaluate(([q, m]) => window.__nbgSettle(document.body, q, m), [quietMs, maxMs]);
}

async function pageState(page, dialogs) {
  const pwned = await page.evaluate(() => (Array.isArray(window.__nbg_pwned) ? [...window.__nbg_pwned] : []));
  return { pwned, dialogs: [...dialogs], title: await page.title() };
}

async function screenshot(page, ui, scenario, name) {
  if (!scenario.screenshots) return null;
  const hide = (scenario.hideInputs || []).map(id => scenario.cells.findIndex(c => c.id === id));
  await ui.hideInputs(page, hide.filter(i => i >= 0));
  mkdirSync(scenario.screenshots, { recursive: true });
  const height = await page.evaluate(() => {
    const scrollers = ['.jp-WindowedPanel-outer', '#site', 'body'];
    return Math.max(...scrollers.map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight));
  });
  await page.setViewportSize({ width: 1200, height: Math.min(6000, Math.max(900, height + 120)) });
  await page.evaluate(() => {
    for (const s of ['.jp-WindowedPanel-outer', '#site']) {
      const e = document.querySelector(s);
      if (e) e.scrollTop = 0;
    }
  });
  await page.waitForTimeout(300);
  const file = path.join(scenario.screenshots, `${scenario.label}-${name}.png`);
  const sel = ui.outputSelector(0);
  // where each cell is in the picture, to cut it up (e.g. for documentation)
  const cells = await page.evaluate(s => [...document.querySelectorAll(s)].map(e => {
    const r = e.getBoundingClientRect();
    return [Math.round(r.top), Math.round(r.bottom)];
  }), sel.cells);
  await page.screenshot({ path: file });
  await page.setViewportSize({ width: 1200, height: 900 });
  return { file, cells };
}

async function openNotebook(page, ui, scenario, timeout) {
  const started = Date.now();
  await page.goto(ui.url(scenario.base, scenario.token, scenario.notebook), { waitUntil: 'load', timeout });
  await ui.waitReady(page, timeout);
  return Date.now() - started;
}

async function run(scenario) {
  const ui = UIS[scenario.ui];
  if (!ui) throw new Error(`unknown ui '${scenario.ui}'`);
  const timeout = scenario.timeoutMs || 60000;
  const browser = await launchBrowser();
  const result = { label: scenario.label, ui: ui.name, cells: [], timings: {}, screenshots: [], log: [] };
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addInitScript(
      `window.__nbgObserve = ${observeOutputs.toString()}; window.__nbgSettle = ${settle.toString()};`
    );
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', d => {
      dialogs.push(`${d.type()}:${d.message()}`);
      d.dismiss().catch(() => {});
    });
    page.on('pageerror', e => result.log.push(`pageerror: ${String(e.message).slice(0, 300)}`));
    result.timings.openMs = await openNotebook(page, ui, scenario, timeout);
    // run: false opens the notebook and observes its stored outputs only
    for (let i = 0; scenario.run !== false && i < scenario.cells.length; i++) {
      const cell = scenario.cells[i];
      const started = Date.now();
      await ui.runCell(page, i, cell.source, timeout);
      await settlePage(page, 300, 5000);
      result.cells.push({ id: cell.id, ms: Date.now() - started });
    }
    await ui.afterRender(page, timeout);
    await settlePage(page, 800, 8000);
    const outputs = await observeAll(page, ui, scenario.cells.length);
    outputs.forEach((o, i) => {
      result.cells[i] = { ...(result.cells[i] || { id: scenario.cells[i].id }), output: o };
    });
    Object.assign(result, await pageState(page, dialogs));
    result.screenshots.push(await screenshot(page, ui, scenario, 'run'));
    if (scenario.reopen) {
      await ui.save(page, timeout);
      const reopenDialogs = [];
      const page2 = await context.newPage();
      page2.on('dialog', d => {
        reopenDialogs.push(`${d.type()}:${d.message()}`);
        d.dismiss().catch(() => {});
      });
      await page.close();
      result.timings.reopenMs = await openNotebook(page2, ui, scenario, timeout);
      await ui.afterRender(page2, timeout);
      await settlePage(page2, 800, 8000);
      const reopened = await observeAll(page2, ui, scenario.cells.length);
      result.reopen = {
        cells: reopened.map((o, i) => ({ id: scenario.cells[i].id, output: o })),
        ...(await pageState(page2, reopenDialogs))
      };
      result.screenshots.push(await screenshot(page2, ui, scenario, 'reopened'));
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return result;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scenario = JSON.parse(readFileSync(args.scenario, 'utf8'));
  const started = Date.now();
  const result = await run(scenario);
  result.timings.totalMs = Date.now() - started;
  writeFileSync(args.out, JSON.stringify(result, null, 1));
  process.stderr.write(`drive: ${scenario.label}: ${result.cells.length} cells, pwned [${result.pwned}] in ${result.timings.totalMs} ms\n`);
}

main().catch(e => {
  process.stderr.write(`drive: ${e.stack || e.message}\n`);
  process.exit(2);
});
