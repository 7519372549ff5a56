package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.css.CssSanitizer;
import dev.nbguard.sanitizer.html.TreeWalk.Decision;
import dev.nbguard.sanitizer.svg.SvgRules;
import dev.nbguard.sanitizer.svg.SvgTreeCleaner;
import java.util.Locale;
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
  private final CssSanitizer css;
  private final SvgTreeCleaner svg;
  private final HtmlAttributeCleaner attributes;

  HtmlTreeCleaner(UrlPolicy urls, CssSanitizer css, SvgTreeCleaner svg) {
    this.css = css;
    this.svg = svg;
    this.attributes = new HtmlAttributeCleaner(urls);
  }

  void clean(Element root, Report report, StyleAttributes styles) {
    TreeWalk.walk(root, node -> visit(node, report, styles));
  }

  private Decision visit(Node node, Report report, StyleAttributes styles) {
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
        svg.clean(el, false, report, styles);
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
      return cleanStyle(el, report, styles);
    }
    if (name.equals("input")
        && !HtmlRules.INPUT_TYPES.contains(el.attr("type").strip().toLowerCase(Locale.ROOT))
        && el.hasAttr("type")) {
      report.sanitized("html.element.input-type", Excerpts.of(el));
      return Decision.DROP;
    }
    attributes.clean(el, name, report, styles);
    if (name.equals("a") || name.equals("area")) {
      AttributeEdits.linkOpensNewTab(el);
    }
    return Decision.DESCEND;
  }

  private static boolean isHtml(Node parent) {
    return parent instanceof Element p && Parser.NamespaceHtml.equals(p.tag().namespace());
  }

  private Decision cleanStyle(Element el, Report report, StyleAttributes styles) {
    StringBuilder text = new StringBuilder();
    for (Node child : el.childNodes()) {
      if (child instanceof DataNode d) {
        text.append(d.getWholeData());
      } else if (child instanceof TextNode t) {
        text.append(t.getWholeText());
      }
    }
    String sheet = styles.stylesheet(text.toString());
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
}
