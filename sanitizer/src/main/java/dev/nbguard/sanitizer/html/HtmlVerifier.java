package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.UrlPolicy.Context;
import dev.nbguard.sanitizer.svg.SvgRules;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The mXSS check: parses sanitized output again exactly as a browser parses {@code innerHTML} in a
 * {@code <div>}, and walks the tree for anything the policy would never emit (script, handlers,
 * frames, forms, MathML, unsafe URLs, markup in style, HTML inside SVG, unprefixed ids). A hit
 * means the serialization and the parse disagree, and the caller fails closed. Immutable.
 */
public final class HtmlVerifier {
  private final UrlPolicy urls;

  public HtmlVerifier(UrlPolicy urls) {
    this.urls = urls;
  }

  /** The first problem found in {@code html} when parsed in a {@code <div>}, or empty. */
  public Optional<String> check(String html) {
    Element root = HtmlFragments.parse(html);
    return check(root);
  }

  /** The first problem found in an already parsed fragment under {@code root}, or empty. */
  public Optional<String> check(Element root) {
    String[] problem = new String[1];
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (problem[0] == null && depth > 0) {
                problem[0] = problemWith(node);
              }
            },
        root);
    return Optional.ofNullable(problem[0]);
  }

  private String problemWith(Node node) {
    if (node instanceof Comment || node instanceof DocumentType || node instanceof XmlDeclaration
        || node instanceof CDataNode) {
      return "markup declaration or comment";
    }
    if (!(node instanceof Element el)) {
      return null;
    }
    String ns = el.tag().namespace();
    String name = el.normalName().toLowerCase(Locale.ROOT);
    Element parent = el.parent();
    String parentNs = parent == null ? Parser.NamespaceHtml : parent.tag().namespace();
    boolean svg;
    if (Parser.NamespaceHtml.equals(ns)) {
      if (!HtmlRules.ELEMENTS.contains(name) || !Parser.NamespaceHtml.equals(parentNs)) {
        return "element <" + name + ">";
      }
      svg = false;
    } else if (SvgRules.SVG_NS.equals(ns)) {
      boolean root = name.equals("svg") && Parser.NamespaceHtml.equals(parentNs);
      if (!SvgRules.ELEMENTS.contains(name) || !(root || SvgRules.SVG_NS.equals(parentNs))) {
        return "svg element <" + name + ">";
      }
      if (parent != null && SvgRules.TEXT_ONLY.contains(parent.normalName().toLowerCase(Locale.ROOT))) {
        return "markup inside svg <" + parent.normalName() + ">";
      }
      svg = true;
    } else {
      return "foreign element <" + name + ">";
    }
    if (name.equals("style") && (el.data().indexOf('<') >= 0 || el.text().indexOf('<') >= 0)) {
      return "markup in <style>";
    }
    for (Attribute a : el.attributes()) {
      String p = problemWith(name, svg, a.getKey().toLowerCase(Locale.ROOT), a.getValue());
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private String problemWith(String element, boolean svg, String key, String value) {
    if (key.startsWith("on") || key.startsWith("data-") || key.equals("srcdoc")
        || key.equals("action") || key.equals("formaction") || key.equals("ping")
        || key.equals("is") || key.equals("form")) {
      return "attribute " + key;
    }
    if ((key.equals("id") || key.equals("name")) && !value.strip().startsWith(IdPrefix.PREFIX)) {
      return "unprefixed " + key;
    }
    if (key.equals("class") && ClassNames.hasReserved(value)) {
      return "reserved class";
    }
    if (key.equals("style")) {
      String v = value.toLowerCase(Locale.ROOT);
      if (v.contains("javascript:") || v.contains("expression(") || v.contains("@import")) {
        return "script in style attribute";
      }
    }
    if (key.equals("srcset")) {
      for (String url : Srcset.urls(value)) {
        if (!urls.allows(url, Context.IMAGE)) {
          return "srcset url";
        }
      }
    } else if (HtmlRules.URL_ATTRIBUTES.contains(key)) {
      boolean ok = svg ? svgUrlOk(element, value) : urls.allows(value, HtmlRules.urlContext(element, key));
      if (!ok) {
        return "url in " + key;
      }
    }
    return null;
  }

  private boolean svgUrlOk(String element, String value) {
    if (element.equals("image")) {
      return urls.allows(value, Context.IMAGE);
    }
    if (element.equals("a")) {
      return urls.allows(value, Context.LINK);
    }
    return IdPrefix.isFragment(value);
  }
}
