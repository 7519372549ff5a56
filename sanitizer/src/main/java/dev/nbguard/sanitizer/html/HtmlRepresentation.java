package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.RepresentationSanitizer;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * {@code text/html} (and, under SANDBOX, JavaScript types turned into {@code text/html}):
 *
 * <ul>
 *   <li>SANITIZE: the static policy ({@link HtmlSanitizer}).
 *   <li>SANDBOX: HTML that carries a {@code <script>} element (judged on the parsed tree: plotly,
 *       folium, bokeh standalone pages) goes whole into an opaque-origin {@link Sandbox} frame;
 *       HTML without script gets the static policy, from the same parse.
 *   <li>JavaScript under SANDBOX: run in a sandbox frame, returned as {@code text/html}.
 * </ul>
 */
public final class HtmlRepresentation implements RepresentationSanitizer {
  private static final String HTML = "text/html";
  private final HtmlSanitizer html;
  private final int heightPx;

  public HtmlRepresentation(HtmlSanitizer html, PolicyConfig config) {
    this.html = html;
    this.heightPx = config.limits().sandboxHeightPx();
  }

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    String mime = r.mimeType().toLowerCase(Locale.ROOT);
    String text = r.text();
    if (!mime.equals(HTML)) {
      if (action != Action.SANDBOX) {
        report.add(Action.DROP, "javascript.drop", mime);
        return Optional.empty();
      }
      report.add(Action.SANDBOX, "javascript.sandboxed", text);
      return Optional.of(
          new Representation(HTML, com.fasterxml.jackson.databind.node.TextNode.valueOf(
              Sandbox.script(text, heightPx)), r.metadata()));
    }
    Element fragment = HtmlFragments.parse(text);
    if (action == Action.SANDBOX && needsScript(fragment)) {
      report.add(Action.SANDBOX, "html.sandboxed", text);
      return Optional.of(r.withText(Sandbox.frame(text, heightPx)));
    }
    String out = html.sanitizeParsed(fragment, text, report);
    return Optional.of(out.equals(text) ? r : r.withText(out));
  }

  /** True when the parsed fragment holds an HTML {@code <script>} element anywhere. */
  static boolean needsScript(Element fragment) {
    for (Element e : fragment.getElementsByTag("script")) {
      if (Parser.NamespaceHtml.equals(e.tag().namespace())) {
        return true;
      }
    }
    return false;
  }
}
