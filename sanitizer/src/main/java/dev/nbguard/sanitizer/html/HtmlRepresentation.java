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
 *   <li>SANDBOX: HTML that carries a {@code <script>} or {@code <iframe>} element (judged on the
 *       parsed tree: plotly, folium, bokeh standalone pages, embeds) goes whole into an
 *       opaque-origin {@link Sandbox} frame, as tall as its content declares
 *       ({@link FrameHeight});
 *       HTML without script gets the static policy, from the same parse.
 *   <li>JavaScript under SANDBOX: run in a sandbox frame, returned as {@code text/html}; under
 *       any other action it is dropped.
 *   <li>ALLOW (only from an explicit policy file entry): passed on unchanged.
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
    if (action == Action.ALLOW) {
      return Optional.of(r); // a policy file said so explicitly; nothing to validate
    }
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
    if (action == Action.SANDBOX && Sandbox.isOwnFrame(fragment)) {
      return Optional.of(r); // sandboxed before: keep it, do not nest another frame
    }
    if (action == Action.SANDBOX && needsSandbox(fragment)) {
      report.add(Action.SANDBOX, "html.sandboxed", text);
      return Optional.of(r.withText(Sandbox.frame(text, FrameHeight.of(fragment, heightPx))));
    }
    String out = html.sanitizeParsed(fragment, text, report);
    return Optional.of(out.equals(text) ? r : r.withText(out));
  }

  /**
   * True when the parsed fragment holds an HTML {@code <script>} element (plotly, bokeh
   * standalone pages) or an {@code <iframe>} (folium's map is a page in {@code srcdoc};
   * {@code IPython.display.IFrame}, YouTube embeds): the static policy would remove what makes
   * them work, while frames nested in the sandbox inherit its restrictions.
   */
  static boolean needsSandbox(Element fragment) {
    for (Element e : fragment.getAllElements()) {
      String name = e.normalName();
      if ((name.equals("script") || name.equals("iframe"))
          && Parser.NamespaceHtml.equals(e.tag().namespace())) {
        return true;
      }
    }
    return false;
  }
}
