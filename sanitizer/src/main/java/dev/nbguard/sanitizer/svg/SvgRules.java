package dev.nbguard.sanitizer.svg;

import java.util.Set;

/**
 * The one SVG allowlist, used for {@code image/svg+xml} documents and for {@code <svg>} inline in
 * HTML. Names are compared lower-cased (jsoup's normal names). Pure data, immutable.
 */
public final class SvgRules {
  private SvgRules() {}

  public static final String SVG_NS = "http://www.w3.org/2000/svg";
  public static final String XLINK_NS = "http://www.w3.org/1999/xlink";

  /** Elements kept. Animation, scripting, {@code foreignObject}, {@code feImage} are not here. */
  public static final Set<String> ELEMENTS =
      Set.of(
          "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
          "polyline", "polygon", "text", "tspan", "textpath", "title", "desc", "clippath",
          "mask", "lineargradient", "radialgradient", "stop", "pattern", "marker", "image",
          "style", "a", "switch", "filter", "feblend", "fecolormatrix", "fecomponenttransfer",
          "fecomposite", "feconvolvematrix", "fediffuselighting", "fedisplacementmap",
          "fedistantlight", "fedropshadow", "feflood", "fefunca", "fefuncb", "fefuncg",
          "fefuncr", "fegaussianblur", "femerge", "femergenode", "femorphology", "feoffset",
          "fepointlight", "fespecularlighting", "fespotlight", "fetile", "feturbulence");

  /** Elements whose children may only be text (no markup): HTML integration points and style. */
  public static final Set<String> TEXT_ONLY = Set.of("title", "desc", "style");

  /** Removed silently: carries no display and no risk worth a finding (matplotlib's metadata). */
  public static final Set<String> SILENT_DROP = Set.of("metadata");

  /** Animation elements: they can set {@code href} or handlers after sanitizing. Dropped. */
  public static final Set<String> ANIMATION =
      Set.of("animate", "set", "animatetransform", "animatemotion", "animatecolor", "discard", "mpath");

  public static final Set<String> ATTRIBUTES =
      Set.of(
          "id", "class", "style", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy",
          "r", "rx", "ry", "width", "height", "d", "points", "viewbox", "preserveaspectratio",
          "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
          "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
          "stroke-dashoffset", "opacity", "clip-path", "clip-rule", "clippathunits", "mask",
          "maskunits", "maskcontentunits", "marker-start", "marker-mid", "marker-end",
          "markerwidth", "markerheight", "markerunits", "refx", "refy", "orient",
          "gradientunits", "gradienttransform", "spreadmethod", "offset", "stop-color",
          "stop-opacity", "fx", "fy", "fr", "patternunits", "patterncontentunits",
          "patterntransform", "font-family", "font-size", "font-weight", "font-style",
          "font-variant", "font-stretch", "font-size-adjust", "text-anchor",
          "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
          "word-spacing", "text-decoration", "textlength", "lengthadjust", "dx", "dy",
          "rotate", "startoffset", "method", "spacing", "side", "visibility", "display",
          "color", "overflow", "vector-effect", "shape-rendering", "text-rendering",
          "image-rendering", "color-interpolation", "color-interpolation-filters",
          "color-rendering", "paint-order", "filter", "filterunits", "primitiveunits", "in",
          "in2", "result", "stddeviation", "mode", "operator", "k1", "k2", "k3", "k4",
          "values", "type", "flood-color", "flood-opacity", "lighting-color", "order",
          "kernelmatrix", "kernelunitlength", "divisor", "bias", "targetx", "targety",
          "edgemode", "preservealpha", "scale", "xchannelselector", "ychannelselector",
          "basefrequency", "numoctaves", "seed", "stitchtiles", "radius", "slope",
          "intercept", "amplitude", "exponent", "tablevalues", "surfacescale",
          "specularconstant", "specularexponent", "diffuseconstant", "azimuth", "elevation",
          "pointsatx", "pointsaty", "pointsatz", "z", "limitingconeangle", "version",
          "baseprofile", "xml:space", "xml:lang", "lang", "href", "xlink:href", "pathlength",
          "role", "aria-label", "aria-hidden", "focusable", "media", "writing-mode",
          "direction", "unicode-bidi", "mix-blend-mode", "isolation", "clip", "target", "rel");

  /** Paint and reference attributes whose value may be {@code url(#id)}. */
  public static final Set<String> URL_REF_ATTRIBUTES =
      Set.of("fill", "stroke", "clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end");

  /** Elements whose {@code href} may only be a same-document {@code #fragment}. */
  public static final Set<String> FRAGMENT_HREF =
      Set.of("use", "textpath", "lineargradient", "radialgradient", "pattern", "filter");
}
