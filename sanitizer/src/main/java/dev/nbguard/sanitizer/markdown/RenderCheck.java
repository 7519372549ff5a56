package dev.nbguard.sanitizer.markdown;

import dev.nbguard.sanitizer.UrlPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The last check on sanitized Markdown: render it to HTML with commonmark-java (GFM tables,
 * autolinks, strikethrough, as marked renders them), parse that with jsoup as a browser would,
 * and look for anything that could run script or leave the page.
 */
final class RenderCheck {
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "xlink:href", "poster", "background",
          "data", "codebase", "cite", "longdesc", "usemap", "ping");

  /**
   * Closer to marked's GFM than the parser that finds the edits: bare URLs and {@code www.} become
   * links (their {@code href} quotes are where an unfinished attribute would end), {@code ~~x~~}
   * strikes through.
   */
  private static final List<Extension> GFM = List.of(TablesExtension.create(),
      AutolinkExtension.create(), StrikethroughExtension.create());

  private final Parser parser = Parser.builder().extensions(GFM).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(GFM).build();
  private final UrlPolicy urls;

  RenderCheck(UrlPolicy urls) {
    this.urls = urls;
  }

  /** A description of the first problem found in {@code markdown}, or empty when it is safe. */
  Optional<String> problem(String markdown) {
    String rendered = renderer.render(parser.parse(markdown));
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
