package dev.nbguard.sanitizer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.html.HtmlSanitizer;
import dev.nbguard.sanitizer.testing.Goldens;
import dev.nbguard.sanitizer.testing.RealHtml;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownSanitizerTest {
  private static final PolicyConfig CONFIG = PolicyConfig.builder(Preset.DEFAULT).build();
  private static final UrlPolicy URLS = new UrlPolicy(CONFIG.urlSchemes());
  private final MarkdownSanitizer markdown = new MarkdownSanitizer(new HtmlSanitizer(CONFIG, URLS), URLS);

  private Optional<String> run(String md, Report report) {
    Representation in = new Representation("text/markdown", TextNode.valueOf(md), null);
    return markdown.sanitize(in, Action.SANITIZE, report).map(Representation::text);
  }

  private String clean(String md, Report report) {
    return run(md, report).orElseThrow(() -> new AssertionError("dropped: " + report.findings()));
  }

  private String clean(String md) {
    return clean(md, new Report("text/markdown"));
  }

  private static List<String> rules(Report report) {
    return report.findings().stream().map(Finding::rule).toList();
  }

  /**
   * Nothing left that any parser could turn into script: the scans (outside code every parser
   * shows as code, see {@link PlainCode}) and a commonmark render.
   */
  private static void assertSafe(String out) {
    var ext = List.of(TablesExtension.create());
    List<int[]> code = PlainCode.ranges(Parser.builder().extensions(ext)
        .includeSourceSpans(org.commonmark.parser.IncludeSourceSpans.BLOCKS_AND_INLINES).build().parse(out), out);
    assertTrue(TagScan.find(out).stream().allMatch(i -> PlainCode.inside(code, i)), "dangerous tag left in: " + out);
    assertTrue(Schemes.find(out).stream().allMatch(r -> PlainCode.inside(code, r[0])), "dangerous scheme left in: " + out);
    assertEquals(Optional.empty(), new RenderCheck(URLS).problem(out), out);
  }

  static Stream<String> goldens() {
    return Goldens.cases("markdown", "md");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void replaysGoldenFile(String name) {
    if (name.startsWith("html-")) {
      assumeTrue(RealHtml.available(), "needs the real HTML sanitizer");
    }
    Report report = new Report("text/markdown");
    String input = Goldens.read("markdown", name + ".input.md");
    String actual = clean(input, report);
    if (!Goldens.exists("markdown", name + ".expected.md")) {
      fail("no expected file for " + name + "; actual:\n" + actual + "\nfindings: " + rules(report));
    }
    assertEquals(Goldens.read("markdown", name + ".expected.md"), actual);
    assertSafe(actual);
    // findings mean a change; raw HTML may also change silently (ids prefixed, links retargeted)
    assertTrue(report.isEmpty() || !actual.equals(input), "findings without a change: " + rules(report));
  }

  @Test
  void keepsOrdinaryMarkdownByteIdenticalWithoutFindings() {
    Report report = new Report("text/markdown");
    String md = "# Title\n\n- a *b* **c**\n- `x <b>y</b>`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$x^2$\n";
    assertEquals(md, clean(md, report));
    assertTrue(report.isEmpty(), rules(report).toString());
  }

  @Test
  void replacesJavascriptLinkDestinationWithFragment() {
    Report report = new Report("text/markdown");
    assertEquals("[click **me**](#)", clean("[click **me**](javascript:alert(1))", report));
    assertEquals(List.of("markdown.url.scheme"), rules(report));
  }

  @Test
  void removesJavascriptAutolink() {
    assertEquals("see  now", clean("see <javascript:alert(1)> now"));
  }

  @Test
  void rewritesJavascriptReferenceDefinition() {
    String out = clean("[x][r]\n\n[r]: javascript:alert(1) \"t\"\n");
    assertEquals("[x][r]\n\n[r]: #\n", out);
  }

  @Test
  void decodesEntitiesBeforeCheckingLinkSchemes() {
    assertEquals("[x](#)", clean("[x](javascript&#x3A;alert(1))"));
  }

  @Test
  void keepsDataImagesButNotDataLinks() {
    String img = "![p](data:image/png;base64,iVBORw0KGgo=)";
    assertEquals(img, clean(img));
    assertEquals("[p](#)", clean("[p](data:text/html,<script>alert(1)</script>)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<img src=x onerror=alert(1)>",
      "<script>alert(1)</script>",
      "text <svg/onload=alert(1)> text",
      "<div>\n<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>\n</div>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
      "<details open ontoggle=alert(1)>",
      "<img src=x\nonerror=alert(1)>",
      "<a title=\">\" onclick=alert(1)>x</a>",
      "> <img src=x onerror=alert(1)>\n> more",
      "- <img src=x onerror=alert(1)>",
      "$`$ <img src=x onerror=alert(1)> $`$",
      "``<img src=x onerror=alert(1)>``",
      "    <img src=x onerror=alert(1)>",
      "~~~\n<img src=x onerror=alert(1)>\n~~~x",
      "$a\n~~~\n<img src=x onerror=alert(1)>\n~~~\n$",
      "$a `<img src=x onerror=alert(1)>` $",
      "```\n<img src=x onerror=alert(1)>\n```~\n<img src=x onerror=alert(2)>\n```",
      "  ```\n<img src=x onerror=alert(1)>\n  ```",
      "<!-- x --><img src=x onerror=alert(1)>",
      "<button data-commandlinker-command=\"terminal:create-new\">x</button>",
      "<img src=x onerror=alert(1)//",
      "[a](<javascript:alert(1)>)",
      "[a]( javascript:alert(1) )",
      "[a](javascript\\:alert(1))",
      "<a href=javascript&colon;alert(1)>x</a>",
      "[x]: javascript:alert(1)\n[x]",
      "<http://a.b/\"onmouseover=\"alert(1)>"
  })
  void neutralisesScriptInEveryDisguise(String payload) {
    Report report = new Report("text/markdown");
    Optional<String> out = run(payload, report);
    out.ifPresent(MarkdownSanitizerTest::assertSafe);
    assertFalse(report.isEmpty(), "a change must be reported");
  }

  @Test
  void keepsTheTextBetweenASanitizedStartTagAndItsEndTag() {
    Report report = new Report("text/markdown");
    String out = clean("Go <a href=\"https://jupyter.org\" onclick=\"alert(1)\">to Jupyter</a> now", report);
    assertSafe(out);
    assertTrue(out.contains("to Jupyter"), out);
  }

  @Test
  void dropsTheEndTagTheHtmlPolicyAddsToAnInlineStartTag() {
    assertEquals("<a href=\"x\" rel=\"noopener\">",
        MarkdownEdits.withoutAddedEndTags("<a href=x onclick=y>", "<a href=\"x\" rel=\"noopener\"></a>"));
    assertEquals("<b>x</b>", MarkdownEdits.withoutAddedEndTags("<b>x</b>", "<b>x</b>"));
    assertEquals("", MarkdownEdits.withoutAddedEndTags("<script>", ""));
  }

  @Test
  void showsTagsInPlainCodeAsCode() {
    for (String md : new String[] {
        "Inline `<svg onload=alert(1)>` code.", "```html\n<b>x</b>\n<script>alert(1)</script>\n```\n",
        "~~~\n<img src=x onerror=alert(1)>\n~~~\n"}) {
      Report report = new Report("text/markdown");
      assertEquals(md, clean(md, report));
      assertTrue(report.isEmpty(), md + ": " + rules(report));
    }
  }

  @Test
  void escapesDangerousTagsInsideCodeWhenMathCouldExposeThem() {
    Report report = new Report("text/markdown");
    assertEquals("$a$ `&lt;svg onload=alert(1)>` $b$", clean("$a$ `<svg onload=alert(1)>` $b$", report));
    assertEquals(List.of("markdown.html.escaped"), rules(report));
    assertEquals("$x\n```\n&lt;script>alert(1)&lt;/script>\n```\n$\n",
        clean("$x\n```\n<script>alert(1)</script>\n```\n$\n"));
    assertEquals("`&lt;img src=x onerror=alert(1) title=$>`", clean("`<img src=x onerror=alert(1) title=$>`"));
  }

  @Test
  void showsTagsInCodeWhenAllMathIsOnOneSide() {
    String before = "$x^2$ and then `<script>` and\n```\n<script>alert(1)</script>\n```\n";
    String after = "`<script>` code\n\nand math $x^2$ and \\(y\\)";
    assertEquals(before, clean(before));
    assertEquals(after, clean(after));
  }

  @Test
  void keepsGenericTypesInCodeButEscapesObjectsWithSourcesNextToMath() {
    String md = "```cpp\nLocal<Object> ctx = args[1].As<Object>();\nstd::vector<Form> f;\n```\n";
    assertEquals(md, clean(md));
    assertEquals("$x$ `&lt;object data=\"https://evil/x.swf\">` $y$", clean("$x$ `<object data=\"https://evil/x.swf\">` $y$"));
  }

  @Test
  void keepsBenignTagsInsideCodeBlocks() {
    String md = "```\n<table class=\"x\"><tr><td>1</td></tr></table>\n```\n";
    assertEquals(md, clean(md));
  }

  @Test
  void appliesLatexRulesToMathInMarkdown() {
    Report report = new Report("text/markdown");
    assertEquals("Math ${}{x}$ here", clean("Math $\\href{javascript:alert(1)}{x}$ here", report));
    assertEquals(List.of("latex.macro.href"), rules(report));
  }

  @Test
  void leavesProseMentioningJavascriptAlone() {
    String md = "The javascript: scheme is dangerous; so is vbscript: in old browsers (data: 2020).";
    assertEquals(md, clean(md));
  }

  @Test
  void keepsLongBenignMarkdownThatSkipsTheParser() {
    String md = "| a | b |\n|---|---|\n" + "| 1 < 2 | <b>x</b> |\n".repeat(3000);
    assertFalse(MarkdownSanitizer.parseable(md));
    Report report = new Report("text/markdown");
    assertEquals(md, clean(md, report));
    assertTrue(report.isEmpty());
  }

  @Test
  void escapesScriptInLongMarkdownThatSkipsTheParser() {
    String md = "text\n".repeat(10_000) + "<img src=x onerror=alert(1)> [x](javascript:alert(2))";
    String out = clean(md);
    assertSafe(out);
    assertTrue(out.endsWith("&lt;img src=x onerror=alert(1)> [x](#alert(2))"), out.substring(out.length() - 60));
  }

  @Test
  void skipsTheParserForManyUnclosedOpeners() {
    assertFalse(MarkdownSanitizer.parseable("<a\n".repeat(4000)));
    assertTrue(MarkdownSanitizer.parseable("a < b and c > d, [x] ".repeat(100)));
  }

  @Test
  void worksThroughTheOutputPolicyOnNbformatLineLists() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var bundle = json.readTree("{\"output_type\":\"display_data\",\"metadata\":{},\"data\":{"
        + "\"text/markdown\":[\"**Dataset notes**\\n\", \"[docs](javascript:alert(1))\\n\"],"
        + "\"text/plain\":[\"<IPython.core.display.Markdown object>\"]}}");
    var out = dev.nbguard.sanitizer.OutputPolicy.preset(Preset.DEFAULT).sanitize(bundle);
    assertEquals(json.readTree("[\"**Dataset notes**\\n\", \"[docs](#)\\n\"]"),
        out.bundle().path("data").path("text/markdown"));
    assertEquals(List.of("markdown.url.scheme"), out.findings().stream().map(Finding::rule).toList());
    assertEquals("text/markdown", out.findings().get(0).mimeType());
  }

  /**
   * Red team, round 2: an HTML block that ends inside a quoted attribute value. Alone it parses to
   * nothing (the browser drops an unfinished tag at the end), but rendered with the rest of the
   * Markdown the value runs on into marked's output until the next quote, here the one of a GFM
   * autolink's href, and the URL's path becomes attributes: autofocus and an onfocus handler.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "<div title=\"\n\nx\" y>\n\nhttps://example.com/contenteditable/autofocus/onfocus=alert(1)//\n",
      "<div title=\"\n\n# heading\n\nwww.example.com/autofocus/contenteditable/onfocus=alert(1)//\n",
      "> <div title='\nx' onfocus=alert(1) autofocus contenteditable y>\n\n[a](https://e.example/'z)\n",
      "<p><img alt=\"\n\n\"onerror=alert(1) src=x \n"})
  void rawHtmlThatEndsInsideATagCannotRunOnIntoTheRest(String md) {
    assumeTrue(RealHtml.available(), "needs the real HTML sanitizer");
    Report report = new Report("text/markdown");
    Optional<String> out = run(md, report);
    out.ifPresent(MarkdownSanitizerTest::assertSafe);
    out.ifPresent(o -> assertFalse(o.matches("(?s).*<(div|img|p) [a-z]+=[\"'][^\"'<>]*\\n.*"),
        "an unfinished tag is left: " + o));
    assertFalse(report.isEmpty(), "reported");
  }

  /** The last check renders GFM autolinks as marked does: it sees the handler the page would see. */
  @Test
  void theRenderCheckSeesWhatAutolinksMakeOfAnUnfinishedAttribute() {
    String md = "<div title=\"\n\nx\" y>\n\nhttps://example.com/autofocus/onfocus=alert(1)//\n";
    assertTrue(new RenderCheck(URLS).problem(md).isPresent());
  }

  /** Silent rewrites of the HTML policy apply to raw HTML in Markdown too. */
  @Test
  void rawHtmlGetsPrefixedIdsAndLinksThatOpenANewTab() {
    assumeTrue(RealHtml.available(), "needs the real HTML sanitizer");
    Report report = new Report("text/markdown");
    assertEquals("<img name=\"nbg-nbgHook\" src=\"a.png\"> and <a href=\"https://example.org\""
        + " rel=\"noopener noreferrer\" target=\"_blank\">a link</a>\n",
        clean("<img name=\"nbgHook\" src=\"a.png\"> and <a href=\"https://example.org\">a link</a>\n", report));
    assertTrue(report.isEmpty(), report.findings().toString());
    assertEquals("<map name=\"nbg-m\"><area href=\"/lab\" rel=\"noopener noreferrer\" target=\"_blank\"></map>\n",
        clean("<map name=m><area href=/lab></map>\n"));
  }

  /** A folded section: the HTML block opens the element, the Markdown after it is its content. */
  @Test
  void rawHtmlLeftOpenStaysOpen() {
    assumeTrue(RealHtml.available(), "needs the real HTML sanitizer");
    String md = "<details id=\"more\">\n<summary>More</summary>\n\n**hidden** text\n\n</details>\n";
    assertEquals(md.replace("id=\"more\"", "id=\"nbg-more\""), clean(md));
    assertEquals("<div><p>a</p><p>b", MarkdownEdits.withoutAddedEndTags("<div><p>a<p>b", "<div><p>a</p><p>b</p></div>"));
    assertEquals("<b>x</b>", MarkdownEdits.withoutAddedEndTags("<b>x</b></i>", "<b>x</b>"));
    assertEquals("<svg></svg>", MarkdownEdits.withoutAddedEndTags("<svg>", "<svg></svg>"));
  }

  /** JupyterLab writes the whole info string into {@code class="language-…"} unescaped. */
  @ParameterizedTest
  @ValueSource(strings = {
      "```x\" autofocus tabindex=\"1\" onfocus=\"alert(1)\nprint(1)\n```",
      "- item\n\n  ```python\" onfocus=alert(1) autofocus x=\"\n  code\n  ```",
      "> ```js\\\" onmouseover=\\\"alert(1)\n> x\n> ```",
      "1. ~~~x' onfocus='alert(1)' autofocus `y\n   z\n   ~~~",
      "```x\" onfocus=alert(1) autofocus\r\ncode\r\n```"})
  void fenceInfoStringsCannotLeaveTheClassAttribute(String md) {
    Report report = new Report("text/markdown");
    String out = clean(md, report);
    assertTrue(rules(report).contains("markdown.fence.info"), rules(report).toString());
    for (String line : out.split("[\r\n]")) {
      String info = line.replaceFirst("^[ >0-9.\\-]*(`{3,}|~{3,})", "");
      if (!info.equals(line)) {
        assertFalse(info.matches(".*[\"'<>&\\\\`].*"), line);
      }
    }
    assertTrue(out.contains("alert(1)"), "the words stay, only what breaks out goes: " + out);
  }

  /**
   * Classic Notebook loads {@code codemirror/mode/INFO/INFO} with RequireJS to highlight a fenced
   * block: {@code :} or {@code ?} make the module id a URL, {@code ..} segments climb out.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "```../../data:,alert(1)%2F%2F\nx\n```",
      "~~~ ../../data:,alert(1)%2F%2F\nx\n~~~",
      "> ```../../da\tta:,alert(1)%2F%2F\n> x\n> ```",
      "```a/../../../../../files/evil\nx\n```",
      "```x?y\nx\n```"})
  void fenceInfoStringsCannotBecomeAModuleUrl(String md) {
    Report report = new Report("text/markdown");
    String out = clean(md, report);
    assertTrue(rules(report).contains("markdown.fence.info"), rules(report).toString());
    String info = out.split("\n")[0].replaceFirst("^[ >]*(`{3,}|~{3,})", "");
    assertFalse(info.matches(".*[/:?].*"), out);
  }

  @Test
  void ordinaryFenceInfoStringsStayAsTheyAre() {
    String md = "```python\nx = 1\n```\n\n~~~{r, echo=FALSE}\nplot(x)\n~~~\n\n```c++ title=main.cpp\n```\n";
    Report report = new Report("text/markdown");
    assertEquals(md, clean(md, report));
    assertTrue(report.isEmpty(), report.findings().toString());
    // a code span at the start of a line is no fence: its quotes are text
    assertEquals("```\"a\"``` is code", clean("```\"a\"``` is code"));
  }

  @Test
  void dropsMarkdownThatIsTooHeavyToCheck() {
    Report report = new Report("text/markdown");
    String md = "<a".repeat(50_000);
    try {
      run(md, report);
      fail("expected fail-closed");
    } catch (IllegalStateException expected) {
      // OutputPolicy drops the representation
    }
  }
}
