package dev.nbguard.sanitizer.svg;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.UrlPolicy.Context;
import dev.nbguard.sanitizer.css.CssSanitizer;
import dev.nbguard.sanitizer.html.ClassNames;
import dev.nbguard.sanitizer.html.Excerpts;
import dev.nbguard.sanitizer.html.IdPrefix;
import dev.nbguard.sanitizer.html.TreeWalk;
import dev.nbguard.sanitizer.html.TreeWalk.Decision;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Applies {@link SvgRules} to an {@code <svg>} element and everything inside it, in place: for
 * SVG documents (parsed as XML) and for {@code <svg>} inline in HTML (parsed as HTML foreign
 * content). Immutable and thread-safe; findings go to the {@link Report} of each call.
 */
public final class SvgTreeCleaner {
  private static final Pattern URL_FRAGMENT_REF =
      Pattern.compile("url\\(\\s*(['\"]?)#[^'\")\\s]+\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_URL = Pattern.compile("url\\s*\\(", Pattern.CASE_INSENSITIVE);

  private static final Pattern RASTER_EXCLUDED =
      Pattern.compile("^data:image/svg", Pattern.CASE_INSENSITIVE);

  private final UrlPolicy urls;
  private final CssSanitizer css;

  public SvgTreeCleaner(UrlPolicy urls, CssSanitizer css) {
    this.urls = urls;
    this.css = css;
  }

  /**
   * Cleans {@code svg} (which must be an {@code svg} element) and its subtree.
   *
   * @param xmlMode true for an SVG document parsed as XML (elements carry no HTML namespace)
   */
  public void clean(Element svg, boolean xmlMode, Report report) {
    cleanAttributes(svg, "svg", report);
    TreeWalk.walk(svg, node -> visit(node, xmlMode, report));
  }

  private Decision visit(Node node, boolean xmlMode, Report report) {
    if (node instanceof CDataNode cdata) {
      // CDATA is text only in foreign content; written out raw it is a bogus comment elsewhere.
      node.before(new TextNode(cdata.getWholeText()));
      return Decision.DROP;
    }
    if (node instanceof TextNode) {
      return Decision.KEEP;
    }
    if (!(node instanceof Element el)) {
      return Decision.DROP; // comments, processing instructions, stray data
    }
    String name = el.normalName().toLowerCase(Locale.ROOT);
    if (!isSvgNamespace(el, xmlMode) || name.indexOf(':') >= 0) {
      report.sanitized("svg.namespace", Excerpts.of(el));
      return Decision.DROP;
    }
    if (SvgRules.SILENT_DROP.contains(name)) {
      return Decision.DROP;
    }
    if (SvgRules.ANIMATION.contains(name)) {
      report.sanitized("svg.element.animate", Excerpts.of(el));
      return Decision.DROP;
    }
    if (!SvgRules.ELEMENTS.contains(name)) {
      report.sanitized(ruleForElement(name), Excerpts.of(el));
      return Decision.DROP;
    }
    cleanAttributes(el, name, report);
    if (name.equals("style")) {
      return cleanStyle(el, report);
    }
    if (SvgRules.TEXT_ONLY.contains(name)) {
      keepOnlyText(el, report);
      return Decision.KEEP;
    }
    return Decision.DESCEND;
  }

  private static String ruleForElement(String name) {
    return switch (name) {
      case "script" -> "svg.element.script";
      case "foreignobject" -> "svg.element.foreign-object";
      case "feimage" -> "svg.element.feimage";
      case "iframe", "embed", "object" -> "svg.element.embed";
      default -> "svg.element.unknown";
    };
  }

  private static boolean isSvgNamespace(Element el, boolean xmlMode) {
    String ns = el.tag().namespace();
    if (SvgRules.SVG_NS.equals(ns)) {
      return true;
    }
    return xmlMode && !Parser.NamespaceHtml.equals(ns) && !Parser.NamespaceMathml.equals(ns);
  }

  private Decision cleanStyle(Element el, Report report) {
    StringBuilder text = new StringBuilder();
    for (Node child : el.childNodes()) {
      if (child instanceof TextNode t) { // CDATA sections too
        text.append(t.getWholeText());
      } else if (child instanceof DataNode d) {
        text.append(d.getWholeData());
      } else if (child instanceof Element) {
        report.sanitized("svg.style.markup", Excerpts.of(el));
        return Decision.DROP;
      }
    }
    String sheet = css.sanitizeStylesheet(text.toString(), IdPrefix::id, report);
    if (sheet.indexOf('<') >= 0) {
      report.sanitized("svg.style.markup", sheet);
      return Decision.DROP;
    }
    if (sheet.isBlank()) {
      return Decision.DROP;
    }
    el.empty();
    el.appendChild(new TextNode(sheet));
    return Decision.KEEP;
  }

  private static void keepOnlyText(Element el, Report report) {
    for (Node child : el.childNodes().toArray(new Node[0])) {
      if (child instanceof CDataNode cdata) {
        child.replaceWith(new TextNode(cdata.getWholeText()));
      } else if (child instanceof Element e) {
        report.sanitized("svg.markup-in-text", Excerpts.of(e));
        child.remove();
      } else if (!(child instanceof TextNode)) {
        child.remove();
      }
    }
  }

  private void cleanAttributes(Element el, String name, Report report) {
    for (Attribute a : el.attributes().asList()) {
      String key = a.getKey();
      String k = key.toLowerCase(Locale.ROOT);
      String v = a.getValue();
      if (k.startsWith("on")) {
        drop(el, key, "svg.attribute.event-handler", v, report);
      } else if (k.equals("xmlns") || k.startsWith("xmlns:")) {
        el.removeAttr(key); // namespace declarations are re-added by the document serializer
      } else if (!SvgRules.ATTRIBUTES.contains(k)) {
        drop(el, key, "svg.attribute.unknown", v, report);
      } else {
        cleanAllowed(el, name, key, k, v, report);
      }
    }
  }

  private void cleanAllowed(Element el, String name, String key, String k, String v, Report report) {
    switch (k) {
      case "id" -> setOrRemove(el, key, IdPrefix.id(v));
      case "class" -> {
        String kept = ClassNames.keep(v);
        if (ClassNames.hasReserved(v)) {
          report.sanitized("svg.attribute.class-reserved", Excerpts.of(key, v));
        }
        setOrRemove(el, key, kept);
      }
      case "style" -> setOrRemove(el, key, css.sanitizeDeclarations(IdPrefix.cssUrlRefs(v), report));
      case "href", "xlink:href" -> cleanHref(el, name, key, v, report);
      case "target" -> {
        if (!v.strip().equals("_blank")) {
          drop(el, key, "svg.attribute.target", v, report);
        }
      }
      default -> {
        if (ANY_URL.matcher(v).find()) {
          String rest = URL_FRAGMENT_REF.matcher(v).replaceAll("");
          if (!SvgRules.URL_REF_ATTRIBUTES.contains(k) || ANY_URL.matcher(rest).find()) {
            drop(el, key, "svg.url.external", v, report);
          } else {
            el.attributes().put(key, IdPrefix.cssUrlRefs(v));
          }
        }
      }
    }
  }

  private void cleanHref(Element el, String name, String key, String v, Report report) {
    if (SvgRules.FRAGMENT_HREF.contains(name)) {
      if (IdPrefix.isFragment(v)) {
        el.attributes().put(key, IdPrefix.fragment(v));
      } else {
        drop(el, key, "svg.url.external", v, report);
      }
    } else if (name.equals("image")) {
      if (!isRasterOrWeb(v)) {
        drop(el, key, "svg.url.scheme", v, report);
      }
    } else if (name.equals("a")) {
      if (!urls.allows(v, Context.LINK)) {
        drop(el, key, "svg.url.scheme", v, report);
      } else if (IdPrefix.isFragment(v)) {
        el.attributes().put(key, IdPrefix.fragment(v));
      }
    } else {
      drop(el, key, "svg.attribute.href", v, report);
    }
  }

  /** SVG {@code <image>}: a raster {@code data:image} URL or an allowed http(s) URL, no more. */
  private boolean isRasterOrWeb(String url) {
    String scheme = UrlPolicy.schemeOf(url).orElse("");
    boolean web = scheme.equals("http") || scheme.equals("https");
    boolean raster = scheme.equals("data") && !RASTER_EXCLUDED.matcher(UrlPolicy.normalize(url)).find();
    return (web || raster) && urls.allows(url, Context.IMAGE);
  }

  private static void setOrRemove(Element el, String key, String value) {
    if (value.isBlank()) {
      el.removeAttr(key);
    } else {
      el.attributes().put(key, value);
    }
  }

  private static void drop(Element el, String key, String rule, String value, Report report) {
    el.removeAttr(key);
    report.sanitized(rule, Excerpts.of(key, value));
  }
}
