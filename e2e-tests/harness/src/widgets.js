// Renders application/vnd.jupyter.widget-view+json from a case's widget model state the way the
// ipywidgets 8 views (@jupyter-widgets/controls 5, jupyterlab_widgets) put it into the DOM. This
// is an emulation of the DOM writes that matter for script execution, not the real widget
// manager: HTML/HTMLMath `value` goes to innerHTML, `description` to innerHTML when
// `description_allow_html` (through the manager's sanitizer, as ipywidgets' inline_sanitize does),
// `tooltip` to the title attribute, Output widgets render their `outputs` in a trusted
// OutputArea, boxes render their children.
import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import { Widget } from '@lumino/widgets';

const WIDGET_VIEW_MIME = 'application/vnd.jupyter.widget-view+json';
const MAX_DEPTH = 8;

function modelFor(id) {
  const models = window.__nbgWidgetModels || {};
  const key = String(id || '').replace(/^IPY_MODEL_/, '');
  return Object.prototype.hasOwnProperty.call(models, key) ? models[key] : null;
}

function typeset(rendermime, el) {
  const typesetter = rendermime.latexTypesetter;
  if (typesetter) {
    void typesetter.typeset(el);
  }
}

function addDescription(rendermime, el, state) {
  const description = state.description;
  if (typeof description !== 'string' || description.length === 0) {
    return;
  }
  const label = document.createElement('label');
  label.className = 'widget-label';
  if (state.description_allow_html) {
    const sanitized = rendermime.sanitizer.sanitize(description);
    label.innerHTML = sanitized.replace(/<\/?p>/g, '');
  } else {
    label.textContent = description;
  }
  typeset(rendermime, label);
  el.appendChild(label);
}

function renderModel(rendermime, model, depth) {
  const el = document.createElement('div');
  el.classList.add('jupyter-widgets', 'widget-inline-hbox');
  if (!model || depth > MAX_DEPTH) {
    el.textContent = 'Error displaying widget: model not found';
    return el;
  }
  const name = String(model.model_name || '');
  const module = String(model.model_module || '');
  const state = model.state && typeof model.state === 'object' ? model.state : {};
  // ipywidgets 8 modules, and ipywidgets 6's single module (what Debian's ipywidgets 6 emits)
  if (!module.startsWith('@jupyter-widgets/') && module !== 'jupyter-js-widgets') {
    el.textContent = 'Error displaying widget: model class not found (' + module + ')';
    return el;
  }
  if (typeof state.tooltip === 'string' && state.tooltip.length > 0) {
    el.setAttribute('title', state.tooltip);
  }
  if (name === 'HTMLModel' || name === 'HTMLMathModel') {
    el.classList.add(name === 'HTMLModel' ? 'widget-html' : 'widget-htmlmath');
    addDescription(rendermime, el, state);
    const content = document.createElement('div');
    content.className = name === 'HTMLModel' ? 'widget-html-content' : 'widget-htmlmath-content';
    content.innerHTML = String(state.value ?? '');
    el.appendChild(content);
    if (name === 'HTMLMathModel') {
      typeset(rendermime, content);
    }
  } else if (name === 'OutputModel') {
    const area = new OutputArea({
      model: new OutputAreaModel({ trusted: true }),
      rendermime
    });
    for (const output of Array.isArray(state.outputs) ? state.outputs : []) {
      area.model.add(output);
    }
    Widget.attach(area, el);
  } else if (name === 'ButtonModel') {
    const button = document.createElement('button');
    button.className = 'jupyter-button widget-button';
    button.textContent = String(state.description ?? '');
    el.appendChild(button);
  } else if (name === 'LabelModel') {
    el.classList.add('widget-label');
    el.textContent = String(state.value ?? '');
    typeset(rendermime, el);
  } else if (Array.isArray(state.children)) {
    el.classList.add('widget-box');
    for (const child of state.children) {
      el.appendChild(renderModel(rendermime, modelFor(child), depth + 1));
    }
  } else {
    addDescription(rendermime, el, state);
    if (typeof state.value === 'string') {
      const value = document.createElement('span');
      value.textContent = state.value;
      el.appendChild(value);
    }
  }
  return el;
}

class RenderedWidgetEmulation extends Widget {
  constructor(options, rendermime) {
    super();
    this._rendermime = rendermime;
    this.addClass('jp-RenderedWidgetEmulation');
  }

  async renderModel(model) {
    const view = model.data[WIDGET_VIEW_MIME] || {};
    this.node.textContent = '';
    this.node.appendChild(renderModel(this._rendermime(), modelFor(view.model_id), 0));
  }
}

export function widgetRendererFactory(rendermime) {
  return {
    safe: false,
    mimeTypes: [WIDGET_VIEW_MIME],
    createRenderer: options => new RenderedWidgetEmulation(options, rendermime)
  };
}
