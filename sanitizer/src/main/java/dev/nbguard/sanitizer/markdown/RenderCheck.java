package dev.nbguard.sanitizer.markdown;

import dev.nbguard.sanitizer.UrlPolicy;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The last check on sanitized Markdown: render it to HTML with commonmark-java, parse that with
 * jsoup as a browser would, and look for anything that could run script or leave the page.
 */
final class RenderCheck {
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "xlink:href", "poster", "background",
          "data", "codebase", "cite", "longdesc", "usemap", "ping");

  private final HtmlRenderer renderer;
  private final UrlPolicy urls;

  RenderCheck(HtmlRenderer renderer, UrlPolicy urls) {
    this.renderer = renderer;
    this.urls = urls;
  }

  /** A description of the first problem found, or empty when the rendered HTML is safe. */
  Optional<String> problem(Node document) {
    String rendered = renderer.render(document);
    for (Element e : Jsoup.parseBodyFragment(rendered).body().getAllElements()) {
      String tag = e.normalName();
      if (TagScan.DANGEROUS_TAGS.contains(tag)) {
        return Optional.of("<" + tag + ">");
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on") || name.equals("srcdoc") || name.startsWith("data-commandlinker")) {
          return Optional.of(tag + "[" + name + "]");
        }
        UrlPolicy.Context context = tag.equals("img") && name.equals("src")
            ? UrlPolicy.Context.IMAGE : UrlPolicy.Context.LINK;
        if (URL_ATTRIBUTES.contains(name) && !urls.allows(a.getValue(), context)) {
          return Optional.of(tag + "[" + name + "=" + a.getValue() + "]");
        }
      }
    }
    return Optional.empty();
  }
}
