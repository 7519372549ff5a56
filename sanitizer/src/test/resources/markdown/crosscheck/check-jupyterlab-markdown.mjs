globalThis.navigator = { appName: 'Netscape' };
const { removeMath, replaceMath } = await import('./latex.mjs');
import { marked } from 'marked';
import { JSDOM } from 'jsdom';
import fs from 'fs';
const items = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const render = (src) => { const p = removeMath(src); return replaceMath(marked.parse(p.text, { gfm: true }), p.math); };
const bad = (html) => {
  const dom = new JSDOM(`<body>${html}</body>`); const out = [];
  for (const el of dom.window.document.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script','iframe','object','embed','form','svg','math','style','base','meta','link','frame','template','noscript'].includes(tag)) out.push('<' + tag + '>');
    for (const a of el.attributes) {
      const n = a.name.toLowerCase(); const v = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (n.startsWith('on') || n === 'srcdoc' || n.startsWith('data-commandlinker')) out.push(tag + '[' + n + ']');
      if (['href','src','action','formaction'].includes(n) && /^(javascript|vbscript|data:(?!image\/))/.test(v)) out.push(tag + '[' + n + ']');
    }
  }
  return out;
};
let failures = 0, rawHits = 0;
for (const it of items) {
  const raw = bad(render(it.input)); const clean = it.output === null ? [] : bad(render(it.output));
  if (raw.length) rawHits++;
  if (clean.length) { failures++; console.log('UNSAFE', JSON.stringify(it), clean); }
}
console.log('payloads', items.length, 'dangerous raw', rawHits, 'FAILURES', failures);
