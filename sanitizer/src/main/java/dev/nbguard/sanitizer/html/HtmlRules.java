package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.UrlPolicy.Context;
import java.util.Map;
import java.util.Set;

/**
 * The static HTML allowlist: close to JupyterLab's own sanitizer (which follows Google Caja),
 * minus its holes (forms, {@code data-commandlinker-*}, unchecked {@code src}) and plus what real
 * outputs need ({@code <style>} for pandas Styler, inline {@code <svg>}, inputs and labels for
 * xarray's collapsible sections). Pure data, immutable.
 */
final class HtmlRules {
  private HtmlRules() {}

  /** Elements kept (with their allowed attributes). {@code style} and {@code svg} are special. */
  static final Set<String> ELEMENTS =
      Set.of(
          "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi",
          "bdo", "big", "blockquote", "br", "button", "canvas", "caption", "center", "cite",
          "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dir",
          "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "h1",
          "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "img", "input", "ins",
          "kbd", "label", "legend", "li", "main", "map", "mark", "menu", "meter", "nav", "nobr",
          "ol", "optgroup", "option", "output", "p", "picture", "pre", "progress", "q", "rp",
          "rt", "ruby", "s", "samp", "section", "select", "small", "source", "span", "strike",
          "strong", "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th",
          "thead", "time", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "style");

  /**
   * Elements removed together with everything inside them: they run or load something, or the
   * browser parses their content differently from jsoup (raw text with scripting enabled).
   */
  static final Set<String> DROP_WITH_CONTENT =
      Set.of(
          "script", "noscript", "noembed", "noframes", "xmp", "plaintext", "iframe", "frame",
          "frameset", "object", "embed", "applet", "param", "template", "title", "head", "base",
          "meta", "link", "portal", "fencedframe", "math", "listing", "image", "isindex",
          "keygen", "slot", "dialog");

  /** Element verdicts' rule names for the findings (default {@code html.element.unknown}). */
  static final Map<String, String> RULES =
      Map.ofEntries(
          Map.entry("script", "html.element.script"),
          Map.entry("noscript", "html.element.noscript"),
          Map.entry("iframe", "html.element.frame"),
          Map.entry("frame", "html.element.frame"),
          Map.entry("frameset", "html.element.frame"),
          Map.entry("object", "html.element.object"),
          Map.entry("embed", "html.element.object"),
          Map.entry("applet", "html.element.object"),
          Map.entry("param", "html.element.object"),
          Map.entry("base", "html.element.base"),
          Map.entry("meta", "html.element.meta"),
          Map.entry("link", "html.element.link"),
          Map.entry("form", "html.element.form"),
          Map.entry("template", "html.element.template"),
          Map.entry("math", "html.element.math"),
          Map.entry("title", "html.element.title"));

  static String ruleFor(String element) {
    return RULES.getOrDefault(element, "html.element.unknown");
  }

  static final Set<String> GLOBAL_ATTRIBUTES =
      Set.of(
          "class", "dir", "hidden", "id", "lang", "spellcheck", "style", "title", "translate",
          "itemprop", "itemscope", "itemtype", "itemref", "role", "tabindex", "align",
          "valign", "width", "height");

  /** Attributes holding space-separated id references, rewritten with the id prefix. */
  static final Set<String> ID_REF_ATTRIBUTES =
      Set.of(
          "for", "headers", "itemref", "list", "aria-labelledby", "aria-describedby",
          "aria-controls", "aria-owns", "aria-activedescendant", "aria-details",
          "aria-errormessage", "aria-flowto");

  static final Map<String, Set<String>> ELEMENT_ATTRIBUTES =
      Map.ofEntries(
          Map.entry("a", Set.of("href", "hreflang", "name", "rel", "target", "type", "coords", "shape")),
          Map.entry("area", Set.of("alt", "coords", "href", "nohref", "shape", "target", "rel")),
          Map.entry("audio", Set.of("autoplay", "controls", "loop", "muted", "preload", "src")),
          Map.entry("bdo", Set.of("dir")),
          Map.entry("blockquote", Set.of("cite")),
          Map.entry("br", Set.of("clear")),
          Map.entry("button", Set.of("disabled", "name", "type", "value")),
          Map.entry("canvas", Set.of()),
          Map.entry("caption", Set.of()),
          Map.entry("col", Set.of("char", "charoff", "span")),
          Map.entry("colgroup", Set.of("char", "charoff", "span")),
          Map.entry("data", Set.of("value")),
          Map.entry("del", Set.of("cite", "datetime")),
          Map.entry("details", Set.of("open")),
          Map.entry("dir", Set.of("compact")),
          Map.entry("dl", Set.of("compact")),
          Map.entry("fieldset", Set.of("disabled", "name")),
          Map.entry("font", Set.of("color", "face", "size")),
          Map.entry("hr", Set.of("noshade", "size")),
          Map.entry("img", Set.of("alt", "border", "hspace", "vspace", "ismap", "name", "src", "srcset", "sizes", "usemap", "loading", "decoding")),
          Map.entry("input", Set.of("accept", "alt", "autocomplete", "checked", "disabled", "inputmode", "list", "max", "maxlength", "min", "minlength", "multiple", "name", "placeholder", "readonly", "required", "size", "step", "type", "value")),
          Map.entry("ins", Set.of("cite", "datetime")),
          Map.entry("label", Set.of("for")),
          Map.entry("li", Set.of("type", "value")),
          Map.entry("map", Set.of("name")),
          Map.entry("menu", Set.of("compact", "label", "type")),
          Map.entry("meter", Set.of("high", "low", "max", "min", "optimum", "value")),
          Map.entry("ol", Set.of("compact", "reversed", "start", "type")),
          Map.entry("optgroup", Set.of("disabled", "label")),
          Map.entry("option", Set.of("disabled", "label", "selected", "value")),
          Map.entry("output", Set.of("for", "name")),
          Map.entry("pre", Set.of()),
          Map.entry("progress", Set.of("max", "value")),
          Map.entry("q", Set.of("cite")),
          Map.entry("select", Set.of("autocomplete", "disabled", "multiple", "name", "required", "size")),
          Map.entry("source", Set.of("type", "src", "srcset", "sizes", "media")),
          Map.entry("style", Set.of("type", "media")),
          Map.entry("table", Set.of("bgcolor", "border", "cellpadding", "cellspacing", "frame", "rules", "summary")),
          Map.entry("tbody", Set.of("char", "charoff")),
          Map.entry("td", Set.of("abbr", "axis", "bgcolor", "char", "charoff", "colspan", "headers", "nowrap", "rowspan", "scope")),
          Map.entry("textarea", Set.of("autocomplete", "cols", "disabled", "inputmode", "name", "placeholder", "readonly", "required", "rows", "wrap", "maxlength", "minlength")),
          Map.entry("tfoot", Set.of("char", "charoff")),
          Map.entry("th", Set.of("abbr", "axis", "bgcolor", "char", "charoff", "colspan", "headers", "nowrap", "rowspan", "scope")),
          Map.entry("thead", Set.of("char", "charoff")),
          Map.entry("time", Set.of("datetime")),
          Map.entry("tr", Set.of("bgcolor", "char", "charoff")),
          Map.entry("track", Set.of("default", "kind", "label", "srclang", "src")),
          Map.entry("ul", Set.of("compact", "type")),
          Map.entry("video", Set.of("autoplay", "controls", "loop", "muted", "poster", "preload", "src", "playsinline")));

  /** {@code input type}s kept; others (password, file, hidden, submit, image, …) drop the input. */
  static final Set<String> INPUT_TYPES =
      Set.of(
          "checkbox", "radio", "text", "number", "range", "button", "color", "date",
          "datetime-local", "month", "week", "time", "search", "email", "tel", "url", "reset");

  /** Attributes that are URLs, and how the URL is used. {@code srcset} is a list of them. */
  static Context urlContext(String element, String attribute) {
    return switch (attribute) {
      case "href" -> Context.LINK;
      case "src" -> switch (element) {
        case "img", "input" -> Context.IMAGE;
        case "audio", "video", "source", "track" -> Context.MEDIA;
        default -> Context.OTHER;
      };
      case "srcset", "poster", "background" -> Context.IMAGE;
      default -> Context.OTHER;
    };
  }

  static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "srcset", "poster", "background", "cite", "longdesc", "usemap",
          "action", "formaction", "ping", "xlink:href", "data", "codebase", "lowsrc", "dynsrc",
          "manifest", "icon");
}
