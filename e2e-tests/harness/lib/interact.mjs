// What a user does with an output after it rendered: hover its elements, focus the focusable
// ones, click links, buttons, inputs, image-map areas, summaries and elements with click
// handlers. Everything is bounded (element caps and a deadline).

const HOVER_ALL_UP_TO = 80;
const HOVER_CAP = 200;
const CLICK_CAP = 40;

const FOCUSABLE =
  'a[href], area[href], button, input, select, textarea, summary, details, iframe, object, embed, ' +
  '[tabindex], [contenteditable], [autofocus]';
const CLICKABLE =
  'a, area, button, input, select, summary, label, [onclick], [ondblclick], [onmousedown], ' +
  '[onmouseup], [onpointerdown], [onpointerup], [onauxclick], [onfocus], [onfocusin]';

/** Marks the elements of one phase in the page and returns how many there are. */
async function collect(page, phase) {
  return page.evaluate(
    ({ phase, FOCUSABLE, CLICKABLE, HOVER_ALL_UP_TO, HOVER_CAP, CLICK_CAP }) => {
      const host = document.getElementById('nbg-output');
      if (!host) {
        return 0;
      }
      const all = Array.from(host.querySelectorAll('*'));
      let els;
      if (phase === 'hover') {
        const handlers = all.filter(el =>
          Array.from(el.attributes).some(a => a.name.toLowerCase().startsWith('on'))
        );
        els = all.length <= HOVER_ALL_UP_TO ? all : handlers.concat(all.slice(0, HOVER_ALL_UP_TO));
        els = Array.from(new Set(els)).slice(0, HOVER_CAP);
      } else if (phase === 'focus') {
        els = Array.from(host.querySelectorAll(FOCUSABLE));
      } else {
        els = Array.from(host.querySelectorAll(CLICKABLE)).slice(0, CLICK_CAP);
      }
      window.__nbgInteract = els;
      return els.length;
    },
    { phase, FOCUSABLE, CLICKABLE, HOVER_ALL_UP_TO, HOVER_CAP, CLICK_CAP }
  );
}

/** Scrolls element i into view; returns the centre of its box, or null when it has none. */
function centreOf(page, i) {
  return page.evaluate(i => {
    const el = (window.__nbgInteract || [])[i];
    if (!el || !el.isConnected) {
      return null;
    }
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) {
      return null;
    }
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, i);
}

/**
 * Runs the interaction; `stop()` says when to give up (page navigated away, deadline passed).
 * Errors from a page an attack has trashed end the interaction quietly.
 */
export async function interact(page, stop) {
  try {
    const hovers = await collect(page, 'hover');
    for (let i = 0; i < hovers && !stop(); i++) {
      const p = await centreOf(page, i);
      if (p) {
        await page.mouse.move(p.x, p.y);
      }
    }
    if (stop()) {
      return;
    }
    await collect(page, 'focus');
    await page.evaluate(() => {
      for (const el of window.__nbgInteract || []) {
        try {
          el.focus({ preventScroll: false });
        } catch (e) {
          // a hostile element may throw; keep going
        }
      }
    });
    if (stop()) {
      return;
    }
    const clicks = await collect(page, 'click');
    for (let i = 0; i < clicks && !stop(); i++) {
      const p = await centreOf(page, i);
      if (p) {
        await page.mouse.click(p.x, p.y);
      } else {
        // no box (an <area> of an image map, a hidden input): activate it as a script would
        await page.evaluate(i => {
          const el = (window.__nbgInteract || [])[i];
          if (el && el.isConnected && typeof el.click === 'function') {
            el.click();
          }
        }, i);
      }
    }
  } catch (e) {
    // page closed, navigated or its context destroyed: the signals say what happened
  }
}
