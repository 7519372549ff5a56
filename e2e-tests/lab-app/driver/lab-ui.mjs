// Drives the lab app (../src/app.js) as a person would: click into the last cell, type, press
// Shift+Enter, Ctrl+S to save.
export const labUi = {
  name: 'lab',

  url(base, token, notebook) {
    return `${base}static/nbguard-lab/index.html?token=${encodeURIComponent(token)}&path=${encodeURIComponent(notebook)}`;
  },

  async waitReady(page, timeout) {
    await page.waitForFunction(
      () => document.body.dataset.nbgReady === 'true' || document.body.dataset.nbgError,
      null,
      { timeout }
    );
    const error = await page.evaluate(() => document.body.dataset.nbgError);
    if (error) {
      throw new Error(`the lab app failed to start: ${error}`);
    }
    // the kernel is up and idle
    await page.waitForFunction(
      () => {
        const s = window.__nbgLab.app.panel.sessionContext;
        return s.session && s.session.kernel && s.kernelDisplayStatus === 'idle';
      },
      null,
      { timeout }
    );
  },

  /** Nothing to wait for beyond the DOM settling (MathJax 3 typesets as outputs attach). */
  async afterRender() {},

  /** Collapses the inputs of cells `indexes` (JupyterLab's "collapse selected code"). */
  async hideInputs(page, indexes) {
    await page.evaluate(list => {
      const cells = window.__nbgLab.app.panel.content.widgets;
      for (const i of list) if (cells[i]) cells[i].inputHidden = true;
    }, indexes);
  },

  cellCount(page) {
    return page.evaluate(() => document.querySelectorAll('.jp-Notebook .jp-Cell').length);
  },

  async runCell(page, index, source, timeout) {
    const cells = page.locator('.jp-Notebook .jp-Cell');
    if ((await cells.count()) <= index) {
      throw new Error(`no cell ${index} to type into`);
    }
    const editor = cells.nth(index).locator('.cm-content');
    await editor.click();
    await page.keyboard.insertText(source);
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(
      i => {
        const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[i];
        const prompt = cell && cell.querySelector('.jp-InputPrompt');
        return prompt && /\[\d+\]/.test(prompt.textContent);
      },
      index,
      { timeout }
    );
  },

  outputSelector(index) {
    return { cells: '.jp-Notebook .jp-Cell', index, output: '.jp-OutputArea' };
  },

  async save(page, timeout) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => !window.__nbgLab.app.panel.context.model.dirty, null, { timeout });
  }
};
