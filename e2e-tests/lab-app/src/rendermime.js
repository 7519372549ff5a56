// The notebook's RenderMimeRegistry as JupyterLab's rendermime plugin builds it: the standard
// renderer factories, JupyterLab's Sanitizer, the MathJax typesetter, the marked parser, a
// command-linker trust handler, and the javascript mime extension JupyterLab ships (it executes
// trusted application/javascript outputs).
import { CommandLinker, Sanitizer } from '@jupyterlab/apputils';
import { MathJaxTypesetter } from '@jupyterlab/mathjax-extension';
import { createMarkdownParser } from '@jupyterlab/markedparser-extension';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import javascriptExtension from '@jupyterlab/javascript-extension';

export function makeRendermime(commands, languages) {
  const commandLinker = new CommandLinker({ commands });
  const registry = new RenderMimeRegistry({
    initialFactories: standardRendererFactories,
    sanitizer: new Sanitizer(),
    latexTypesetter: new MathJaxTypesetter(),
    markdownParser: createMarkdownParser(languages),
    trustHandler: commandLinker,
    linkHandler: {
      handleLink: (node, path, id) => {
        if (node.tagName === 'A' && node.hasAttribute('download')) {
          return;
        }
        commandLinker.connectNode(node, 'nbg:open-local-link', { path, id });
      }
    }
  });
  for (const ext of [javascriptExtension].flat()) {
    registry.addFactory(ext.rendererFactory, ext.rank);
  }
  return registry;
}
