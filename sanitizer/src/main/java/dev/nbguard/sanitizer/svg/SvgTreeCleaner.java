package dev.nbguard.sanitizer.svg;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.css.CssSanitizer;
import dev.nbguard.sanitizer.html.AttributeEdits;
import dev.nbguard.sanitizer.html.Excerpts;
import dev.nbguard.sanitizer.html.OutputScope;
import dev.nbguard.sanitizer.html.StyleAttributes;
import dev.nbguard.sanitizer.html.TreeWalk;
import dev.nbguard.sanitizer.html.TreeWalk.Decision;
import java.util.Locale;
import java.util.function.Supplier;
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
  private final CssSanitizer css;
  private final SvgAttributeCleaner attributes;

  public SvgTreeCleaner(UrlPolicy urls, CssSanitizer css) {
    this.css = css;
    this.attributes = new SvgAttributeCleaner(urls);
  }

  /**
   * Cleans {@code svg} (which must be an {@code svg} element) and its subtree.
   *
   * @param xmlMode true for an SVG document parsed as XML (elements carry no HTML namespace)
   */
  public void clean(Element svg, boolean xmlMode, Report report) {
    clean(svg, xmlMode, report, styles(report, () -> OutputScope.keyFor(svg.outerHtml())));
  }

  /** The per-call CSS state for one sanitize call; {@code scopeKey} as {@link StyleAttributes} takes it. */
  public StyleAttributes styles(Report report, Supplier<String> scopeKey) {
    return new StyleAttributes(css, report, scopeKey);
  }

  /** As {@link #clean(Element, boolean, Report)}, sharing the caller's per-call style memo. */
  public void clean(Element svg, boolean xmlMode, Report report, StyleAttributes styles) {
    attributes.clean(svg, "svg", report, styles);
    TreeWalk.walk(svg, node -> visit(node, xmlMode, report, styles));
  }

  private Decision visit(Node node, boolean xmlMode, Report report, StyleAttributes styles) {
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
    attributes.clean(el, name, report, styles);
    if (name.equals("a")) {
      AttributeEdits.linkOpensNewTab(el);
    }
    if (name.equals("style")) {
      return cleanStyle(el, report, styles);
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

  private Decision cleanStyle(Element el, Report report, StyleAttributes styles) {
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
    String sheet = styles.stylesheet(text.toString());
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
}
