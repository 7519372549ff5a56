// The harness page: renders one Jupyter MIME bundle exactly as JupyterLab 4 renders a trusted
// live kernel output (an OutputArea over a trusted OutputAreaModel, JupyterLab's own renderer
// factories, markdown parser, MathJax typesetter and sanitizer). The top page's secrets (the
// _xsrf cookie, the page-config token) and window.__nbgPwn are set up by index.html.
import '@jupyterlab/theme-light-extension/style/variables.css';
import '@jupyterlab/theme-light-extension/style/theme.css';
import '@jupyterlab/outputarea/style/index.js';
import '@jupyterlab/json-extension/style/index.js';
import '@jupyterlab/vega5-extension/style/index.js';

import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { CommandLinker, Sanitizer } from '@jupyterlab/apputils';
import { PageConfig } from '@jupyterlab/coreutils';
import { EditorLanguageRegistry } from '@jupyterlab/codemirror';
import { MathJaxTypesetter } from '@jupyterlab/mathjax-extension';
import { createMarkdownParser } from '@jupyterlab/markedparser-extension';
import {
  MermaidManager,
  MermaidMarkdown,
  RenderedMermaid,
  rendererFactory as mermaidFactory
} from '@jupyterlab/mermaid';
import javascriptExtension from '@jupyterlab/javascript-extension';
import jsonExtension from '@jupyterlab/json-extension';
import vegaExtension from '@jupyterlab/vega5-extension';
import { ContentsManager, ServerConnection } from '@jupyterlab/services';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { widgetRendererFactory } from './widgets.js';

const WIDGET_VIEW_MIME = 'application/vnd.jupyter.widget-view+json';

/** JupyterLab's command registry: commands reachable from rendered output are signals. */
function makeCommands() {
  const commands = new CommandRegistry();
  // What the notebook's link handler does with a local link: open the file in the app.
  commands.addCommand('rendermime:handle-local-link', { execute: () => undefined });
  // Any other command run from output markup (data-commandlinker-command) is a hostile action:
  // JupyterLab's commands open terminals, run cells, inject code into consoles.
  const execute = commands.execute.bind(commands);
  commands.execute = (id, args) => {
    if (id !== 'rendermime:handle-local-link') {
      window.__nbgSignal('command:' + id);
      return Promise.resolve();
    }
    return execute(id, args);
  };
  return commands;
}

function makeRendermime() {
  const commands = makeCommands();
  const commandLinker = new CommandLinker({ commands });
  const languages = new EditorLanguageRegistry();
  for (const language of EditorLanguageRegistry.getDefaultLanguages()) {
    languages.addLanguage(language);
  }
  const mermaid = new MermaidManager();
  RenderedMermaid.manager = mermaid;
  const markdownParser = createMarkdownParser(languages, {
    blocks: [new MermaidMarkdown({ mermaid })]
  });
  const serverSettings = ServerConnection.makeSettings();
  const contents = new ContentsManager({ serverSettings });
  const registry = new RenderMimeRegistry({
    initialFactories: standardRendererFactories,
    sanitizer: new Sanitizer(),
    latexTypesetter: new MathJaxTypesetter(),
    // JupyterLab's command linker is the trust handler: trusted outputs run command links.
    trustHandler: commandLinker,
    markdownParser,
    linkHandler: {
      handleLink: (node, path, id) => {
        if (node.tagName === 'A' && node.hasAttribute('download')) {
          return;
        }
        commandLinker.connectNode(node, 'rendermime:handle-local-link', { path, id });
      }
    }
  });
  // Mime extensions as JupyterLab's application adds them (rank when the extension has one).
  const extensions = [javascriptExtension, jsonExtension, vegaExtension].flatMap(e =>
    Array.isArray(e) ? e : [e]
  );
  for (const ext of extensions) {
    if (ext.rank !== undefined) {
      registry.addFactory(ext.rendererFactory, ext.rank);
    } else {
      registry.addFactory(ext.rendererFactory);
    }
  }
  registry.addFactory(mermaidFactory);
  let outputRendermime = null;
  registry.addFactory(widgetRendererFactory(() => outputRendermime), 0);
  // A notebook's outputs resolve URLs relative to the notebook's path.
  outputRendermime = registry.clone({
    resolver: new RenderMimeRegistry.UrlResolver({ path: 'work/Untitled.ipynb', contents })
  });
  return outputRendermime;
}

const rendermime = makeRendermime();
window.__nbgRendermime = rendermime;

/**
 * nbformat's multi-line form (a list of strings) never reaches JupyterLab: kernels send strings
 * and Jupyter Server's nbformat.reads rejoins a stored notebook's lists (rejoin_lines, for every
 * type but JSON ones). Do the same, so a case means what it would mean in the app.
 */
function rejoinLines(data) {
  const out = {};
  for (const [mime, value] of Object.entries(data)) {
    const json = mime === 'application/json' || mime.endsWith('+json');
    out[mime] = !json && Array.isArray(value) && value.every(v => typeof v === 'string') ? value.join('') : value;
  }
  return out;
}

/** Renders one case: {bundle: {data, metadata}, widgets?: {model_id: {model_name, state…}}}. */
window.__nbgRender = async function render(testCase) {
  window.__nbgWidgetModels = testCase.widgets || {};
  const model = new OutputAreaModel({ trusted: true });
  const area = new OutputArea({ model, rendermime });
  area.addClass('jp-Cell-outputArea');
  const host = document.getElementById('nbg-output');
  Widget.attach(area, host);
  const bundle = testCase.bundle || {};
  model.add({
    output_type: 'display_data',
    data: rejoinLines(bundle.data || {}),
    metadata: bundle.metadata || {}
  });
  return true;
};

/**
 * Resolves once the output has stopped changing for `quietMs` (and MathJax, if it started, is
 * done), or after `maxMs` at most.
 */
window.__nbgSettle = function settle(quietMs, maxMs) {
  const host = document.getElementById('nbg-output');
  return new Promise(resolve => {
    const start = performance.now();
    let last = performance.now();
    const observer = new MutationObserver(() => {
      last = performance.now();
    });
    observer.observe(host, { subtree: true, childList: true, attributes: true, characterData: true });
    const tick = () => {
      const now = performance.now();
      const busyMath = host.querySelector('.MathJax_Processing, .MathJax_Preview') !== null;
      if ((now - last >= quietMs && !busyMath) || now - start >= maxMs) {
        observer.disconnect();
        resolve(Math.round(now - start));
      } else {
        setTimeout(tick, 25);
      }
    };
    setTimeout(tick, 25);
  });
};

export { PageConfig, WIDGET_VIEW_MIME };
