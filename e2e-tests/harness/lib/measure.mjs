// What a benign output shows: visible text, table cells, loaded images, SVG shapes, the colours
// and alignment of table cells (pandas Styler, MultiIndex headers) and the text that CSS
// generates (::before/::after: xarray's and scikit-learn's arrows and punctuation, pandas'
// tooltips), in the output area and in every child frame (Playwright reads sandboxed and
// cross-origin frames too).

/** Runs in a document; `root` is the output area in the top page, the body in a frame. */
function measureDocument(rootId) {
  const root = rootId ? document.getElementById(rootId) : document.body;
  const empty = { text: '', cells: [], tdColors: [], cellAligns: [], generated: [], imagesLoaded: 0, canvases: [], svgShapes: 0, svgImages: 0, svgImageShapes: 0 };
  if (!root) {
    return empty;
  }
  const norm = s => String(s || '').replace(/\s+/g, ' ').trim();
  const SHAPES = 'path, rect, circle, ellipse, line, polyline, polygon, text, use';
  // Only SVGs laid out on the page: plotly keeps an off-screen "tester" SVG in its document's
  // body (outside the output when it runs in the top page, inside a sandbox frame's body).
  const onPage = el => {
    const r = el.getBoundingClientRect();
    return r.right + window.scrollX > 0 && r.bottom + window.scrollY > 0;
  };
  const countShapes = node =>
    Array.from(node.querySelectorAll('svg')).filter(onPage).reduce(
      (n, svg) => n + svg.querySelectorAll(SHAPES).length,
      0
    );
  const imgs = Array.from(root.querySelectorAll('img'));
  let svgImages = 0;
  let svgImageShapes = 0;
  for (const img of imgs) {
    const src = img.getAttribute('src') || '';
    if (!/^data:image\/svg\+xml/i.test(src)) {
      continue;
    }
    svgImages++;
    try {
      const comma = src.indexOf(',');
      const header = src.slice(0, comma);
      const payload = src.slice(comma + 1);
      const xml = /;base64/i.test(header)
        ? new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)))
        : decodeURIComponent(payload);
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      svgImageShapes += doc.querySelectorAll(SHAPES).length;
    } catch (e) {
      // an undecodable image counts as an image without shapes
    }
  }
  return {
    text: norm(root.innerText),
    cells: Array.from(root.querySelectorAll('td, th')).map(c => norm(c.innerText)),
    tdColors: Array.from(root.querySelectorAll('td')).map(td => {
      const cs = getComputedStyle(td);
      return [cs.backgroundColor, cs.color];
    }),
    cellAligns: Array.from(root.querySelectorAll('td, th')).map(c => getComputedStyle(c).textAlign),
    // generated content, also where it only shows on hover (tooltips): the rules are what counts
    generated: Array.from(root.querySelectorAll('*')).flatMap(el =>
      ['::before', '::after']
        .map(p => getComputedStyle(el, p).content)
        .filter(c => c && c !== 'none' && c !== 'normal')
    ),
    imagesLoaded: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
    // Vega draws on a canvas: its size is what can be compared
    canvases: Array.from(root.querySelectorAll('canvas'))
      .filter(c => c.width > 0 && c.height > 0)
      .map(c => `${c.width}x${c.height}`),
    svgShapes: countShapes(root),
    svgImages,
    svgImageShapes
  };
}

export async function measure(page) {
  const main = await page.mainFrame().evaluate(measureDocument, 'nbg-output');
  const frames = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) {
      continue;
    }
    try {
      frames.push(await frame.evaluate(measureDocument, null));
    } catch (e) {
      frames.push({ error: String(e.message || e).slice(0, 200) });
    }
  }
  const all = [main, ...frames.filter(f => !f.error)];
  return {
    text: all.map(m => m.text).filter(t => t).join(' '),
    cells: all.flatMap(m => m.cells),
    tdColors: all.flatMap(m => m.tdColors),
    cellAligns: all.flatMap(m => m.cellAligns),
    generated: all.flatMap(m => m.generated),
    imagesLoaded: all.reduce((n, m) => n + m.imagesLoaded, 0),
    canvases: all.flatMap(m => m.canvases),
    svgShapes: all.reduce((n, m) => n + m.svgShapes, 0),
    svgImages: all.reduce((n, m) => n + m.svgImages, 0),
    svgImageShapes: all.reduce((n, m) => n + m.svgImageShapes, 0),
    frames: frames.length,
    frameErrors: frames.filter(f => f.error).map(f => f.error)
  };
}
