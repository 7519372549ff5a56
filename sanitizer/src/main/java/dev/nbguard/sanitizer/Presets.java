package dev.nbguard.sanitizer;

import java.util.List;
import java.util.Set;

/** The built-in policies of DESIGN.md's table, as builders a policy file can refine. */
final class Presets {
  private Presets() {}

  static final List<String> JAVASCRIPT_TYPES =
      List.of(
          "application/javascript",
          "text/javascript",
          "application/x-javascript",
          "application/ecmascript",
          "text/ecmascript");

  /** Bokeh / HoloViews / Panel payloads that their JupyterLab extensions eval. */
  static final List<String> EXEC_TYPES =
      List.of(
          "application/vnd.bokehjs_exec.v0+json",
          "application/vnd.bokehjs_load.v0+json",
          "application/vnd.holoviews_exec.v0+json",
          "application/vnd.holoviews_load.v0+json",
          "application/vnd.*exec*",
          "application/vnd.*load*");

  static final List<String> VEGA_TYPES =
      List.of("application/vnd.vega.*", "application/vnd.vegalite.*");

  static final List<String> RASTER_IMAGES =
      List.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

  static final List<String> INERT_TYPES =
      List.of("text/plain", "application/json", "application/vnd.plotly.v1+json");

  static final Set<String> URL_SCHEMES = Set.of("http", "https", "mailto");

  /** ipywidgets 7/8 modules, and ipywidgets 6's single module (Debian bookworm ships 6.0). */
  static final Set<String> WIDGET_MODULES =
      Set.of(
          "@jupyter-widgets/base",
          "@jupyter-widgets/controls",
          "@jupyter-widgets/output",
          "jupyter-js-widgets");

  /**
   * Presentation properties, as JupyterLab's own sanitizer allows for untrusted HTML: positioning
   * too (xarray's and scikit-learn's reprs, pandas' tooltips and sticky headers need it) but never
   * {@code position: fixed} (see {@code DeclarationFilter}); nothing loads from elsewhere.
   */
  static final Set<String> CSS_PROPERTIES =
      Set.of(
          "background", "background-color", "border", "border-bottom", "border-bottom-color",
          "border-bottom-style", "border-bottom-width", "border-collapse", "border-color",
          "border-left", "border-left-color", "border-left-style", "border-left-width",
          "border-radius", "border-right", "border-right-color", "border-right-style",
          "border-right-width", "border-spacing", "border-style", "border-top",
          "border-top-color", "border-top-style", "border-top-width", "border-width",
          "box-sizing", "caption-side", "clear", "color", "column-count", "column-gap",
          "display", "empty-cells", "float", "font", "font-family", "font-size", "font-style",
          "font-variant", "font-weight", "height", "letter-spacing", "line-height",
          "list-style", "list-style-position", "list-style-type", "margin", "margin-bottom",
          "margin-left", "margin-right", "margin-top", "max-height", "max-width", "min-height",
          "min-width", "opacity", "overflow", "overflow-x", "overflow-y", "padding",
          "padding-bottom", "padding-left", "padding-right", "padding-top", "table-layout",
          "text-align", "text-decoration", "text-decoration-color", "text-decoration-line",
          "text-decoration-style", "text-indent", "text-overflow", "text-transform",
          "vertical-align", "visibility", "white-space", "width", "word-break", "word-spacing",
          "word-wrap", "overflow-wrap", "fill", "fill-opacity", "stroke", "stroke-width",
          "stroke-opacity", "stroke-dasharray", "stroke-linecap", "stroke-linejoin",
          "font-stretch", "text-anchor", "dominant-baseline", "flex", "flex-direction",
          "flex-wrap", "flex-grow", "flex-shrink", "flex-basis", "justify-content",
          "align-items", "align-self", "align-content", "gap", "row-gap", "grid-template-columns",
          "grid-template-rows", "grid-column", "grid-row", "grid-gap", "transform",
          "transform-origin", "cursor", "content", "position", "top", "right", "bottom",
          "left", "z-index", "clip", "background-size", "background-position",
          "background-repeat");

  static PolicyConfig.Builder builderFor(Preset preset) {
    PolicyConfig.Builder b =
        new PolicyConfig.Builder(preset)
            .urlSchemes(URL_SCHEMES)
            .widgetModules(WIDGET_MODULES)
            .cssProperties(CSS_PROPERTIES)
            .mimes(INERT_TYPES, Action.ALLOW)
            .mimes(RASTER_IMAGES, Action.ALLOW)
            .mime("image/svg+xml", Action.SANITIZE)
            .mime("text/markdown", Action.SANITIZE)
            .mime("text/latex", Action.SANITIZE)
            .mime("application/vnd.jupyter.widget-view+json", Action.SANITIZE)
            .mime("application/pdf", Action.DROP)
            .mimes(EXEC_TYPES, Action.DROP);
    switch (preset) {
      case STRICT -> b.mime("text/html", Action.SANITIZE)
          .mimes(JAVASCRIPT_TYPES, Action.DROP)
          .mimes(VEGA_TYPES, Action.DROP);
      case DEFAULT -> b.mime("text/html", Action.SANDBOX)
          .mimes(JAVASCRIPT_TYPES, Action.DROP)
          .mimes(VEGA_TYPES, Action.SANITIZE);
      case PERMISSIVE -> b.mime("text/html", Action.SANDBOX)
          .mimes(JAVASCRIPT_TYPES, Action.SANDBOX)
          .mimes(VEGA_TYPES, Action.SANITIZE);
    }
    return b;
  }
}
