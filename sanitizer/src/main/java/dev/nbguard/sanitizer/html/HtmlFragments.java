package dev.nbguard.sanitizer.html;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/** Parsing and serializing HTML fragments the way {@code div.innerHTML} does. */
public final class HtmlFragments {
  private HtmlFragments() {}

  /** Parses {@code html} in the context of a {@code <div>}; returns that div holding the nodes. */
  public static Element parse(String html) {
    Document doc = new Document("");
    doc.outputSettings()
        .prettyPrint(false)
        .escapeMode(Entities.EscapeMode.base)
        .charset(StandardCharsets.UTF_8);
    Element div = doc.appendElement("div");
    List<Node> nodes = Parser.parseFragment(html, div, "");
    div.appendChildren(nodes);
    return div;
  }

  /** The HTML of {@code root}'s children, without pretty-printing. */
  public static String serialize(Element root) {
    return root.html();
  }
}
