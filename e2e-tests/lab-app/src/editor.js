// CodeMirror 6 editor services as JupyterLab's codemirror-extension plugins set them up: the
// default languages, themes and extensions, and the binding of each editor to its cell's shared
// (Yjs) model.
import {
  CodeMirrorEditorFactory,
  CodeMirrorMimeTypeService,
  EditorExtensionRegistry,
  EditorLanguageRegistry,
  EditorThemeRegistry,
  ybinding
} from '@jupyterlab/codemirror';

export function makeLanguages() {
  const languages = new EditorLanguageRegistry();
  for (const language of EditorLanguageRegistry.getDefaultLanguages()) {
    languages.addLanguage(language);
  }
  // Notebook markdown cells are 'text/x-ipythongfm'.
  const markdown = languages.findByName('markdown');
  if (markdown) {
    languages.addLanguage({
      name: 'ipythongfm',
      mime: 'text/x-ipythongfm',
      load: () => markdown.load()
    });
  }
  return languages;
}

function makeExtensions() {
  const themes = new EditorThemeRegistry();
  for (const theme of EditorThemeRegistry.getDefaultThemes()) {
    themes.addTheme(theme);
  }
  const registry = new EditorExtensionRegistry();
  for (const extension of EditorExtensionRegistry.getDefaultExtensions({ themes })) {
    registry.addExtension(extension);
  }
  registry.addExtension({
    name: 'shared-model-binding',
    factory: options => {
      const sharedModel = options.model.sharedModel;
      return EditorExtensionRegistry.createImmutableExtension(
        ybinding({ ytext: sharedModel.ysource, undoManager: sharedModel.undoManager ?? undefined })
      );
    }
  });
  return registry;
}

export function makeEditorServices(languages) {
  const factoryService = new CodeMirrorEditorFactory({ extensions: makeExtensions(), languages });
  const mimeTypeService = new CodeMirrorMimeTypeService(languages);
  return { factoryService, mimeTypeService };
}
