package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.css.CssSanitizer;
import dev.nbguard.sanitizer.html.TreeWalk.Decision;
import dev.nbguard.sanitizer.svg.SvgRules;
import dev.nbguard.sanitizer.svg.SvgTreeCleaner;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Applies {@link HtmlRules} in place to a fragment parsed by jsoup's HTML5 parser (the same tree
 * a browser builds for {@code innerHTML}); inline {@code <svg>} goes to the shared {@link
 * SvgTreeCleaner}. Immutable and thread-safe.
 */
final class HtmlTreeCleaner {
  private final UrlPolicy urls;
  private final CssSanitizer css;
  private final SvgTreeCleaner svg;

  HtmlTreeCleaner(UrlPolicy urls, CssSanitizer css, SvgTreeCleaner svg) {
    this.urls = urls;
    this.css = css;
    this.svg = svg;
  }

  void clean(Element root, Report report) {
    TreeWalk.walk(root, node -> visit(node, report));
  }

  private Decision visit(Node node, Report report) {
    if (node instanceof CDataNode cdata) {
      // CDATA is text only in foreign content; written out raw it is a bogus comment elsewhere.
      node.before(new TextNode(cdata.getWholeText()));
      return Decision.DROP;
    }
    if (node instanceof TextNode) {
      return Decision.KEEP;
    }
    if (!(node instanceof Element el)) {
      return Decision.DROP; // comments, doctypes, stray data: never needed, often mXSS material
    }
    String ns = el.tag().namespace();
    String name = el.normalName();
    if (SvgRules.SVG_NS.equals(ns)) {
      if (name.equals("svg") && isHtml(el.parent())) {
        svg.clean(el, false, report);
        return Decision.KEEP;
      }
      report.sanitized("html.namespace", Excerpts.of(el));
      return Decision.DROP;
    }
    if (!Parser.NamespaceHtml.equals(ns) || !isHtml(el.parent())) {
      report.sanitized(
          Parser.NamespaceMathml.equals(ns) ? "html.element.math" : "html.namespace",
          Excerpts.of(el));
      return Decision.DROP;
    }
    if (HtmlRules.DROP_WITH_CONTENT.contains(name)) {
      report.sanitized(HtmlRules.ruleFor(name), Excerpts.of(el));
      return Decision.DROP;
    }
    if (!HtmlRules.ELEMENTS.contains(name)) {
      report.sanitized(HtmlRules.ruleFor(name), Excerpts.of(el));
      return Decision.UNWRAP;
    }
    if (name.equals("style")) {
      return cleanStyle(el, report);
    }
    if (name.equals("input")
        && !HtmlRules.INPUT_TYPES.contains(el.attr("type").strip().toLowerCase(Locale.ROOT))
        && el.hasAttr("type")) {
      report.sanitized("html.element.input-type", Excerpts.of(el));
      return Decision.DROP;
    }
    cleanAttributes(el, name, report);
    if (name.equals("a") || name.equals("area")) {
      if (el.hasAttr("href")) {
        el.attr("rel", "noopener noreferrer");
      } else {
        el.removeAttr("rel");
      }
    }
    return Decision.DESCEND;
  }

  private static boolean isHtml(Node parent) {
    return parent instanceof Element p && Parser.NamespaceHtml.equals(p.tag().namespace());
  }

  private Decision cleanStyle(Element el, Report report) {
    StringBuilder text = new StringBuilder();
    for (Node child : el.childNodes()) {
      if (child instanceof DataNode d) {
        text.append(d.getWholeData());
      } else if (child instanceof TextNode t) {
        text.append(t.getWholeText());
      }
    }
    String sheet = css.sanitizeStylesheet(text.toString(), IdPrefix::id, report);
    if (sheet.indexOf('<') >= 0) {
      report.sanitized("html.style.markup", sheet);
      return Decision.DROP;
    }
    if (sheet.isBlank()) {
      return Decision.DROP;
    }
    for (Attribute a : el.attributes().asList()) {
      if (!a.getKey().equals("media")
          && !(a.getKey().equals("type") && a.getValue().strip().equalsIgnoreCase("text/css"))) {
        el.removeAttr(a.getKey());
      }
    }
    el.empty();
    el.appendChild(new DataNode(sheet));
    return Decision.KEEP;
  }

  private void cleanAttributes(Element el, String name, Report report) {
    Set<String> forElement = HtmlRules.ELEMENT_ATTRIBUTES.getOrDefault(name, Set.of());
    for (Attribute a : el.attributes().asList()) {
      String k = a.getKey();
      String v = a.getValue();
      if (k.startsWith("on")) {
        drop(el, k, "html.attribute.event-handler", v, report);
      } else if (k.startsWith("data-")) {
        drop(el, k, "html.attribute.data", v, report);
      } else if (k.startsWith("aria-")) {
        if (HtmlRules.ID_REF_ATTRIBUTES.contains(k)) {
          setOrRemove(el, k, IdPrefix.idList(v));
        }
      } else if (!HtmlRules.GLOBAL_ATTRIBUTES.contains(k) && !forElement.contains(k)) {
        drop(el, k, ruleForAttribute(k), v, report);
      } else {
        cleanAllowed(el, name, k, v, report);
      }
    }
  }

  private static String ruleForAttribute(String k) {
    return switch (k) {
      case "action", "formaction", "formmethod", "formtarget", "formenctype", "form" ->
          "html.attribute.form-action";
      case "srcdoc" -> "html.attribute.srcdoc";
      case "ping" -> "html.attribute.ping";
      case "xlink:href", "href", "src", "background", "longdesc", "cite", "poster" ->
          "html.url.attribute";
      default -> "html.attribute.unknown";
    };
  }

  private void cleanAllowed(Element el, String name, String k, String v, Report report) {
    switch (k) {
      case "id", "name" -> setOrRemove(el, k, IdPrefix.id(v));
      case "class" -> {
        if (ClassNames.hasReserved(v)) {
          report.sanitized("html.attribute.class-reserved", Excerpts.of(k, v));
        }
        setOrRemove(el, k, ClassNames.keep(v));
      }
      case "style" -> setOrRemove(el, k, css.sanitizeDeclarations(IdPrefix.cssUrlRefs(v), report));
      case "target" -> {
        if (!v.strip().equals("_blank")) {
          drop(el, k, "html.attribute.target", v, report);
        }
      }
      case "usemap" -> {
        if (IdPrefix.isFragment(v)) {
          el.attributes().put(k, IdPrefix.fragment(v));
        } else {
          drop(el, k, "html.url.usemap", v, report);
        }
      }
      case "srcset" -> {
        for (String url : Srcset.urls(v)) {
          if (!urls.allows(url, HtmlRules.urlContext(name, k))) {
            drop(el, k, "html.url.scheme", v, report);
            return;
          }
        }
      }
      default -> {
        if (HtmlRules.ID_REF_ATTRIBUTES.contains(k)) {
          setOrRemove(el, k, IdPrefix.idList(v));
        } else if (HtmlRules.URL_ATTRIBUTES.contains(k)) {
          if (!urls.allows(v, HtmlRules.urlContext(name, k))) {
            drop(el, k, "html.url.scheme", v, report);
          } else if (k.equals("href") && IdPrefix.isFragment(v)) {
            el.attributes().put(k, IdPrefix.fragment(v));
          }
        }
      }
    }
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
