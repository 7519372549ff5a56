package dev.nbguard.sanitizer.markdown;

import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.RepresentationSanitizer;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.html.HtmlSanitizer;
import dev.nbguard.sanitizer.latex.LatexSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * {@code text/markdown}, which JupyterLab renders with marked (GFM) and, for live kernel output,
 * inserts without its HTML sanitizer before MathJax typesets the math. The result stays Markdown;
 * ordinary Markdown without raw HTML or anything dangerous comes out byte-identical with no
 * findings.
 *
 * <ol>
 *   <li>LaTeX: the {@link LatexSanitizer} rules over the whole text (math can sit anywhere
 *       marked and JupyterLab's math extraction disagree about), {@code latex.*}; a {@code "}
 *       inside a math region JupyterLab would pull out ({@link MathSpans}) becomes
 *       <code>&#92;unicode{x22}</code> ({@code markdown.math.quote}), since the region's text
 *       is put back unescaped wherever marked wrote its placeholder, attribute values included
 *       (again after step 3: the HTML policy's rewrites add quotes of their own).
 *   <li>Fence info strings: what could leave JupyterLab's {@code class="language-…"} is removed
 *       ({@link FenceInfo}, {@code markdown.fence.info}).
 *   <li>commonmark-java (GFM tables, source spans): raw HTML blocks and inline tags go through
 *       the {@link HtmlSanitizer} ({@code markdown.html.block}, {@code markdown.html.inline}, plus
 *       its own {@code html.*} findings; raw HTML the policy serializes unchanged keeps its
 *       bytes, otherwise the policy's output replaces it, silent rewrites included: ids prefixed,
 *       links opened in a new tab; see {@link MarkdownEdits#withoutAddedEndTags}); link,
 *       image, autolink and reference-definition URLs go through the {@link UrlPolicy} ({@code
 *       markdown.url.scheme}: {@code [x](#)}, an autolink is removed, a definition becomes {@code
 *       [r]: #}).
 *   <li>Parser-independent safety net, over the whole text including code spans and code blocks
 *       (another parser may not see them as code) — except the plainest fenced code blocks
 *       and code spans, which every parser reads alike ({@link PlainCode}): every tag-like sequence that could run script
 *       has its {@code <} escaped to {@code &lt;} ({@code markdown.html.escaped}, see {@link
 *       TagScan}); every script-capable scheme where a URL can start, after undoing escapes and
 *       character references, is replaced by {@code #} ({@code markdown.url.residual}).
 *   <li>The result is rendered with commonmark-java and checked with jsoup; anything unsafe left
 *       drops the representation ({@code markdown.unsafe}).
 * </ol>
 *
 * <p>Texts over {@link #PARSE_LIMIT} characters, or with very many unclosed {@code <}/{@code [},
 * skip the parser (steps 2 and 4); step 3 still applies, stricter: tags with {@code style},
 * {@code id}, {@code name} or {@code target} attributes are escaped too, since no HTML sanitizer
 * saw them.
 */
public final class MarkdownSanitizer implements RepresentationSanitizer {
  /**
   * commonmark-java 0.27 is superlinear on some inputs (many unclosed {@code <} or {@code [},
   * table-like lines: seconds at 50 KB). Longer or opener-heavy texts skip steps 2 and 4: the
   * parser-independent step 3 alone keeps them safe, at the cost of escaping instead of
   * sanitizing their HTML.
   */
  static final int PARSE_LIMIT = 16 * 1024;

  private static final long OPENER_LIMIT = 4L * 1024 * 1024;

  private final HtmlSanitizer html;
  private final UrlPolicy urls;
  private final LatexSanitizer latex;
  private final Parser parser;
  private final RenderCheck check;

  public MarkdownSanitizer(HtmlSanitizer html, UrlPolicy urls) {
    this.html = html;
    this.urls = urls;
    this.latex = new LatexSanitizer(urls);
    List<Extension> extensions = List.of(TablesExtension.create());
    this.parser = Parser.builder().extensions(extensions)
        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    this.check = new RenderCheck(urls);
  }

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    String in = r.text();
    String out = sanitizeText(in, report);
    Optional<String> problem = parseable(out) ? check.problem(out) : Optional.empty();
    if (problem.isPresent()) {
      report.add(Action.DROP, "markdown.unsafe", problem.get());
      return Optional.empty();
    }
    return Optional.of(out.equals(in) ? r : r.withText(out));
  }

  /** Steps 1 to 3 of the class comment. */
  String sanitizeText(String in, Report report) {
    // FenceInfo before MathQuotes: removing a backtick from an info string can make a line a
    // fence, which changes the code JupyterLab hides from its math search
    String text = MathQuotes.clean(FenceInfo.clean(latex.clean(in, report), report), report);
    boolean parsed = parseable(text);
    if ((text.indexOf('<') >= 0 || text.indexOf('[') >= 0) && parsed) {
      Node document = parser.parse(text);
      MarkdownEdits edits = new MarkdownEdits(text, html, urls, report);
      document.accept(edits);
      text = Edit.apply(text, edits.edits());
    }
    // again on the text as it now is, parsed or not: the HTML policy's rewrites quote attribute
    // values with ", and edits move what JupyterLab counts as math and as code
    text = MathQuotes.clean(text, report);
    List<int[]> code = parsed && PlainCode.mayContain(text)
        ? PlainCode.ranges(parser.parse(text), text)
        : List.of();
    text = escapeDangerousTags(text, !parsed, code, report);
    code = parsed && !code.isEmpty() ? PlainCode.ranges(parser.parse(text), text) : code;
    return neutraliseSchemes(text, code, report);
  }

  /** Whether commonmark-java can parse {@code text} in bounded time (see {@link #PARSE_LIMIT}). */
  static boolean parseable(String text) {
    return text.length() <= PARSE_LIMIT
        && openerCost(text, '<', '>') + openerCost(text, '[', ']') <= OPENER_LIMIT;
  }

  /** The sum, over every {@code open}, of the distance to the next {@code close} (or the end). */
  private static long openerCost(String text, char open, char close) {
    long cost = 0;
    int nextClose = text.length();
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == close) {
        nextClose = i;
      } else if (c == open) {
        cost += nextClose - i;
      }
    }
    return cost;
  }

  private static String escapeDangerousTags(
      String text, boolean strict, List<int[]> code, Report report) {
    List<Edit> edits = new ArrayList<>();
    for (int lt : TagScan.find(text, strict)) {
      if (PlainCode.inside(code, lt)) {
        continue; // shown as code by every parser (see PlainCode)
      }
      report.sanitized("markdown.html.escaped", text.substring(lt, Math.min(text.length(), lt + 60)));
      edits.add(new Edit(lt, lt + 1, "&lt;"));
    }
    return Edit.apply(text, edits);
  }

  private static String neutraliseSchemes(String text, List<int[]> code, Report report) {
    List<Edit> edits = new ArrayList<>();
    for (int[] range : Schemes.find(text)) {
      if (PlainCode.inside(code, range[0])) {
        continue;
      }
      report.sanitized("markdown.url.residual", text.substring(range[0], Math.min(text.length(), range[1] + 40)));
      edits.add(new Edit(range[0], range[1], "#"));
    }
    return Edit.apply(text, edits);
  }
}
