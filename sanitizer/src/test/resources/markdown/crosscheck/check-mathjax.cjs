// Typesets TeX with MathJax 3 (AllPackages + require, as JupyterLab 4) WITHOUT the SafeHandler,
// and reports attributes that reach markup: href, class/id/style set from TeX, data-*.
require('mathjax-full/js/util/asyncLoad/node.js');
const {mathjax} = require('mathjax-full/js/mathjax.js');
const {TeX} = require('mathjax-full/js/input/tex.js');
const {CHTML} = require('mathjax-full/js/output/chtml.js');
const {liteAdaptor} = require('mathjax-full/js/adaptors/liteAdaptor.js');
const {RegisterHTMLHandler} = require('mathjax-full/js/handlers/html.js');
const {AllPackages} = require('mathjax-full/js/input/tex/AllPackages.js');
require('mathjax-full/js/input/tex/require/RequireConfiguration.js');
const fs = require('fs');
const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
const tex = new TeX({packages: AllPackages.concat('require'), inlineMath: [['$','$'],['\\(','\\)']], processEscapes: true, processEnvironments: true});
const items = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const danger = (src) => {
  const doc = mathjax.document('<html><body>' + src.replace(/&/g,'&amp;').replace(/</g,'&lt;') + '</body></html>', {InputJax: tex, OutputJax: new CHTML({fontURL: 'x'})});
  doc.render();
  const html = adaptor.outerHTML(adaptor.body(doc.document));
  const out = [];
  for (const m of html.matchAll(/\s(href|id|style|class|data-[a-z-]+)="([^"]*)"/g)) {
    const [_, n, v] = m;
    if (n === 'href' && !/^(https?:|#)/i.test(v)) out.push('href=' + v);
    if (n === 'id' && !/^mjx-/.test(v)) out.push('id=' + v);
    if (n === 'class' && v.split(/\s+/).some(c => c && !/^(mjx-|MathJax|MJX-|Mjx|TEX-)/.test(c))) out.push('class=' + v);
    if (n === 'style' && /position|url\(/i.test(v)) out.push('style=' + v);
  }
  return out;
};
let failures = 0;
for (const it of items) {
  let raw, clean;
  try { raw = danger(it.input); } catch (e) { raw = ['ERR ' + e.message]; }
  try { clean = it.output === null ? [] : danger(it.output); } catch (e) { clean = ['ERR ' + e.message]; }
  if (clean.length) failures++;
  console.log(JSON.stringify({input: it.input.slice(0, 60), raw: raw.join(' ').slice(0, 80), clean: clean.join(' ')}));
}
console.log('FAILURES', failures);
