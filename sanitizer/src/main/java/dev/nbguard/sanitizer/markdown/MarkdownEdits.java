package dev.nbguard.sanitizer.markdown;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.html.HtmlSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Walks a commonmark-java tree (parsed with source spans) and collects the source edits that make
 * it safe: raw HTML through the HTML policy, link, image and reference-definition URLs through
 * the URL policy. One instance per document; not thread-safe.
 */
final class MarkdownEdits extends AbstractVisitor {
  private static final Pattern LEADING_END_TAGS =
      Pattern.compile("^(?:\\s*</[A-Za-z][A-Za-z0-9-]*\\s*>)+");
  private static final Pattern TRAILING_END_TAG = Pattern.compile("</([a-z][a-z0-9-]*)>$");
  private static final Set<String> KEEP_CLOSED = Set.of("style", "svg", "math", "textarea",
      "title", "script", "template", "xmp", "iframe", "noembed", "noframes", "noscript",
      "plaintext", "select");
  private static final Pattern DEFINITION_LABEL = Pattern.compile("^[ \\t]{0,3}\\[((?:[^\\]\\\\]|\\\\.)*)]:");

  private final String text;
  private final HtmlSanitizer html;
  private final UrlPolicy urls;
  private final Report report;
  private final List<Edit> edits = new ArrayList<>();

  MarkdownEdits(String text, HtmlSanitizer html, UrlPolicy urls, Report report) {
    this.text = text;
    this.html = html;
    this.urls = urls;
    this.report = report;
  }

  List<Edit> edits() {
    return List.copyOf(edits);
  }

  @Override
  public void visit(HtmlBlock block) {
    rawHtml(block, block.getLiteral(), "markdown.html.block");
  }

  @Override
  public void visit(HtmlInline inline) {
    rawHtml(inline, inline.getLiteral(), "markdown.html.inline");
  }

  @Override
  public void visit(Link link) {
    if (!urls.allows(link.getDestination(), UrlPolicy.Context.LINK)) {
      badDestination(link, 1, link.getDestination());
    }
    visitChildren(link);
  }

  @Override
  public void visit(Image image) {
    if (!urls.allows(image.getDestination(), UrlPolicy.Context.IMAGE)) {
      badDestination(image, 2, image.getDestination());
    }
    visitChildren(image);
  }

  @Override
  public void visit(LinkReferenceDefinition definition) {
    if (urls.allows(definition.getDestination(), UrlPolicy.Context.IMAGE)) {
      return;
    }
    report.sanitized("markdown.url.scheme", definition.getDestination());
    List<SourceSpan> spans = definition.getSourceSpans();
    int[] range = contiguousRange(spans);
    Matcher label = DEFINITION_LABEL.matcher(range == null ? "" : text.substring(range[0], range[1]));
    if (range == null || !label.find()) {
      throw new IllegalStateException("cannot locate a link reference definition to rewrite");
    }
    edits.add(new Edit(range[0], range[1], "[" + label.group(1) + "]: #"));
  }

  private void rawHtml(Node node, String literal, String rule) {
    // End tags carry nothing a browser uses (the tag scan still judges them), and they close
    // what an earlier piece of raw HTML opened: they stay as they are.
    Matcher lead = LEADING_END_TAGS.matcher(literal);
    String endTags = lead.lookingAt() ? lead.group() : "";
    String rest = literal.substring(endTags.length());
    if (rest.isBlank()) {
      return;
    }
    Report local = new Report(report.mimeType());
    String sanitized = html.sanitize(rest, local);
    if (TagScan.endsInsideATag(rest)) {
      // Alone, an unfinished tag parses to nothing; in the rendered page it runs on into
      // whatever follows (escaped text, the next link's href) and takes that for its attributes.
      local.sanitized("markdown.html.unterminated", rest);
    } else if (local.isEmpty() && HtmlSanitizer.sameForBrowser(rest, sanitized)) {
      return;
    }
    // Silent rewrites count too: ids prefixed against DOM clobbering, links that leave the page
    // opened in a new tab. Only findings are reported.
    String clean = endTags + withoutAddedEndTags(rest, sanitized);
    if (!local.isEmpty()) {
      report.sanitized(rule, literal);
      report.addAll(local.findings());
    }
    List<SourceSpan> spans = node.getSourceSpans();
    int[] range = contiguousRange(spans);
    if (range != null) {
      edits.add(new Edit(range[0], range[1], clean));
      return;
    }
    for (SourceSpan s : spans) {
      int start = s.getInputIndex();
      edits.add(new Edit(start, start + s.getLength(), escapeTags(text.substring(start, start + s.getLength()))));
    }
  }

  /**
   * Raw HTML in Markdown is often a piece of an element whose end tag comes later ({@code
   * <details>} and its {@code <summary>} in one HTML block, the Markdown to fold in the next;
   * an inline {@code <a href=…>} whose end tag is another node of the paragraph). The HTML policy
   * closes what it keeps; the end tags it added at the very end are dropped again, so the
   * element still encloses what follows, as it did. Raw text and foreign elements ({@code
   * <style>}, {@code <svg>}, …) stay closed: left open they would swallow the rest of the text.
   */
  static String withoutAddedEndTags(String literal, String clean) {
    String lowerLiteral = literal.toLowerCase(Locale.ROOT);
    String out = clean;
    while (true) {
      Matcher end = TRAILING_END_TAG.matcher(out);
      if (!end.find()) {
        return out;
      }
      String name = end.group(1);
      String lowerOut = out.toLowerCase(Locale.ROOT);
      if (KEEP_CLOSED.contains(name) || count(lowerOut, "</" + name) <= count(lowerLiteral, "</" + name)) {
        return out;
      }
      out = out.substring(0, end.start());
    }
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** Rewrites {@code [label](bad)} to {@code [label](#)} and drops {@code <bad:autolink>}. */
  private void badDestination(Node link, int openerLength, String destination) {
    report.sanitized("markdown.url.scheme", destination);
    int[] range = contiguousRange(link.getSourceSpans());
    if (range == null) {
      throw new IllegalStateException("cannot locate a link to rewrite");
    }
    String source = text.substring(range[0], range[1]);
    if (source.startsWith("<")) {
      edits.add(new Edit(range[0], range[1], ""));
      return;
    }
    if (!source.endsWith(")")) {
      return; // a reference link: its definition is rewritten instead
    }
    int labelEnd = range[0] + openerLength;
    if (link.getLastChild() != null) {
      int[] children = contiguousRange(link.getLastChild().getSourceSpans());
      if (children == null) {
        throw new IllegalStateException("cannot locate a link label");
      }
      labelEnd = children[1];
    }
    if (!text.startsWith("](", labelEnd)) {
      throw new IllegalStateException("unexpected link syntax at " + labelEnd);
    }
    edits.add(new Edit(labelEnd, range[1], "](#)"));
  }

  /**
   * The source range covered by {@code spans} when only whitespace separates them (a node at the
   * top level or in a list); null when container markers ({@code >}) lie between them.
   */
  private int[] contiguousRange(List<SourceSpan> spans) {
    if (spans.isEmpty()) {
      return null;
    }
    int start = spans.get(0).getInputIndex();
    int end = start + spans.get(0).getLength();
    for (int k = 1; k < spans.size(); k++) {
      SourceSpan s = spans.get(k);
      if (s.getInputIndex() < end || !text.substring(end, s.getInputIndex()).isBlank()) {
        return null;
      }
      end = s.getInputIndex() + s.getLength();
    }
    return new int[] {start, end};
  }

  static String escapeTags(String s) {
    return s.replace("<", "&lt;");
  }
}
