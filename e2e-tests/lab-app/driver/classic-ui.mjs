// Drives classic Notebook 6.4's own page through its `Jupyter.notebook` JavaScript API (set a
// cell's text, execute it, save), the API its toolbar and keyboard shortcuts call.
export const classicUi = {
  name: 'classic',

  url(base, token, notebook) {
    return `${base}notebooks/${notebook.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(token)}`;
  },

  async waitReady(page, timeout) {
    await page.waitForFunction(
      () => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded &&
        Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() &&
        Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.status === 'ok' &&
        !document.body.classList.contains('notebook_app_busy') &&
        document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null,
      null,
      { timeout }
    );
  },

  /** Resolves when MathJax 2 (loaded on demand) has typeset everything queued so far. */
  async afterRender(page, timeout) {
    await page.waitForFunction(() => window.MathJax && MathJax.isReady, null, { timeout });
    await page.evaluate(() => new Promise(resolve => MathJax.Hub.Queue(resolve)));
  },

  /** Hides the inputs of cells `indexes`. */
  async hideInputs(page, indexes) {
    await page.evaluate(list => {
      for (const i of list) Jupyter.notebook.get_cell(i).element.find('.input').hide();
    }, indexes);
  },

  cellCount(page) {
    return page.evaluate(() => Jupyter.notebook.ncells());
  },

  async runCell(page, index, source, timeout) {
    await page.evaluate(
      ([i, src]) => {
        const nb = Jupyter.notebook;
        while (nb.ncells() <= i) {
          nb.insert_cell_at_bottom('code');
        }
        const cell = nb.get_cell(i);
        cell.set_text(src);
        nb.select(i);
        cell.execute();
      },
      [index, source]
    );
    await page.waitForFunction(
      i => {
        const cell = Jupyter.notebook.get_cell(i);
        return typeof cell.input_prompt_number === 'number' &&
          document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
      },
      index,
      { timeout }
    );
  },

  // jupyter-js-widgets 2 (ipywidgets 6) puts widget views in a .widget-area after the input,
  // outside the output area
  outputSelector(index) {
    return { cells: '#notebook-container .cell', index, output: '.output', widgets: '.widget-area' };
  },

  async save(page, timeout) {
    await page.evaluate(() => Jupyter.notebook.save_notebook());
    await page.waitForFunction(() => !Jupyter.notebook.dirty, null, { timeout });
  }
};
