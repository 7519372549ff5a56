// In-page observations of one cell's output area, the same for both UIs: text, table cells and
// their background colours, images (and whether they loaded), typeset math, links, frames.
export function observeOutputs(root) {
  if (!root) {
    return { present: false };
  }
  const tds = [...root.querySelectorAll('td, th')];
  const colored = tds.filter(td => {
    const bg = getComputedStyle(td).backgroundColor;
    return bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' && bg !== 'rgb(255, 255, 255)' &&
      !/^rgb\(24[0-9], 24[0-9], 24[0-9]\)$/.test(bg) && bg !== 'rgb(245, 245, 245)';
  });
  const imgs = [...root.querySelectorAll('img')];
  return {
    present: true,
    text: (root.innerText || '').slice(0, 4000),
    htmlLength: root.innerHTML.length,
    tableCells: tds.length,
    coloredCells: colored.length,
    images: imgs.length,
    imagesLoaded: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
    math: root.querySelectorAll('mjx-container, .MathJax, .MathJax_Display, .MathJax_SVG').length,
    links: [...root.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).slice(0, 20),
    iframes: root.querySelectorAll('iframe').length,
    // the text of sandboxed frames (srcdoc; their documents are not reachable from the page)
    frameText: [...root.querySelectorAll('iframe[srcdoc]')]
      .map(f => new DOMParser().parseFromString(f.getAttribute('srcdoc'), 'text/html').body.textContent)
      .join('\n')
      .slice(0, 2000),
    errors: root.querySelectorAll('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"], .output_stderr, .output_error').length
  };
}

/** Resolves when `root` has not changed for quietMs (at most maxMs). */
export function settle(root, quietMs, maxMs) {
  return new Promise(resolve => {
    const start = performance.now();
    let last = performance.now();
    const observer = new MutationObserver(() => {
      last = performance.now();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const tick = () => {
      const now = performance.now();
      if (now - last >= quietMs || now - start >= maxMs) {
        observer.disconnect();
        resolve(now - start);
      } else {
        setTimeout(tick, 50);
      }
    };
    setTimeout(tick, 50);
  });
}
