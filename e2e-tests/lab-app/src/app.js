// A minimal JupyterLab 4 notebook app: one notebook (the ?path= of the page URL) in a Lumino
// shell, with JupyterLab's notebook widget factory, document manager, CodeMirror editors and
// renderers. Shift+Enter runs the active cell and advances, Accel+S saves. window.__nbgLab
// exposes the panel and a ready promise to the browser tests.
import '@jupyterlab/theme-light-extension/style/variables.css';
import '@jupyterlab/theme-light-extension/style/theme.css';
import '@jupyterlab/application/style/index.js';
import '@jupyterlab/notebook/style/index.js';

import { SessionContextDialogs } from '@jupyterlab/apputils';
import { DocumentManager } from '@jupyterlab/docmanager';
import { DocumentRegistry } from '@jupyterlab/docregistry';
import {
  NotebookActions,
  NotebookModelFactory,
  NotebookPanel,
  NotebookWidgetFactory,
  StaticNotebook
} from '@jupyterlab/notebook';
import { ServiceManager } from '@jupyterlab/services';
import { CommandRegistry } from '@lumino/commands';
import { Signal } from '@lumino/signaling';
import { BoxPanel, Widget } from '@lumino/widgets';
import { configurePage } from './config.js';
import { makeEditorServices, makeLanguages } from './editor.js';
import { makeRendermime } from './rendermime.js';

function makeCommands(getPanel) {
  const commands = new CommandRegistry();
  commands.addCommand('nbg:run-and-advance', {
    label: 'Run and advance',
    execute: () => {
      const panel = getPanel();
      return NotebookActions.runAndAdvance(panel.content, panel.sessionContext);
    }
  });
  commands.addCommand('nbg:run', {
    label: 'Run',
    execute: () => {
      const panel = getPanel();
      return NotebookActions.run(panel.content, panel.sessionContext);
    }
  });
  commands.addCommand('nbg:save', { label: 'Save', execute: () => getPanel().context.save() });
  commands.addCommand('nbg:edit-mode', {
    execute: () => {
      getPanel().content.mode = 'edit';
    }
  });
  commands.addCommand('nbg:command-mode', {
    execute: () => {
      getPanel().content.mode = 'command';
    }
  });
  // A local link in an output opens a file in JupyterLab; here it does nothing.
  commands.addCommand('nbg:open-local-link', { execute: () => undefined });
  commands.addKeyBinding({ selector: '.jp-Notebook', keys: ['Shift Enter'], command: 'nbg:run-and-advance' });
  commands.addKeyBinding({ selector: '.jp-Notebook', keys: ['Ctrl Enter'], command: 'nbg:run' });
  commands.addKeyBinding({ selector: 'body', keys: ['Accel S'], command: 'nbg:save' });
  commands.addKeyBinding({ selector: '.jp-Notebook.jp-mod-commandMode', keys: ['Enter'], command: 'nbg:edit-mode' });
  commands.addKeyBinding({ selector: '.jp-Notebook.jp-mod-editMode', keys: ['Escape'], command: 'nbg:command-mode' });
  document.addEventListener('keydown', event => commands.processKeydownEvent(event), true);
  return commands;
}

async function main() {
  const config = configurePage(window.location);
  let panel = null;
  const commands = makeCommands(() => panel);
  const languages = makeLanguages();
  const editorServices = makeEditorServices(languages);
  const rendermime = makeRendermime(commands, languages);
  const manager = new ServiceManager();
  await manager.ready;

  const registry = new DocumentRegistry();
  registry.addModelFactory(new NotebookModelFactory({}));
  registry.addWidgetFactory(
    new NotebookWidgetFactory({
      name: 'Notebook',
      modelName: 'notebook',
      fileTypes: ['notebook'],
      defaultFor: ['notebook'],
      preferKernel: true,
      canStartKernel: true,
      rendermime,
      contentFactory: new NotebookPanel.ContentFactory({
        editorFactory: editorServices.factoryService.newInlineEditor
      }),
      mimeTypeService: editorServices.mimeTypeService,
      editorConfig: StaticNotebook.defaultEditorConfig,
      // every cell in the DOM (no virtual scrolling): the tests and screenshots see all outputs
      notebookConfig: { ...StaticNotebook.defaultNotebookConfig, windowingMode: 'none' }
    })
  );
  const shell = new BoxPanel();
  shell.id = 'nbg-shell';
  const opened = new Signal({});
  const opener = {
    opened,
    open: widget => {
      if (!widget.isAttached) {
        shell.addWidget(widget);
        BoxPanel.setStretch(widget, 1);
      }
      opened.emit(widget);
    }
  };
  const docManager = new DocumentManager({
    registry,
    manager,
    opener,
    sessionDialogs: new SessionContextDialogs()
  });
  // saves happen when asked (Accel+S), never behind a test's or a benchmark's back
  docManager.autosave = false;
  Widget.attach(shell, document.getElementById('nbg-main'));
  window.addEventListener('resize', () => shell.update());

  panel = docManager.open(config.notebookPath);
  if (!panel) {
    throw new Error(`cannot open ${config.notebookPath}`);
  }
  await panel.context.ready;
  await panel.sessionContext.ready;
  panel.content.activate();
  return { panel, commands, docManager, rendermime };
}

const ready = main();
window.__nbgLab = { ready, config: () => configurePage(window.location) };
ready.then(
  app => {
    window.__nbgLab.app = app;
    document.body.dataset.nbgReady = 'true';
  },
  error => {
    document.body.dataset.nbgError = String(error && error.stack ? error.stack : error);
    console.error('nbguard lab app:', error);
  }
);
