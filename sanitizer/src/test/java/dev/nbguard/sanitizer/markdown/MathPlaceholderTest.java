package dev.nbguard.sanitizer.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.html.HtmlSanitizer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** JupyterLab's removeMath/replaceMath: math put back unescaped where marked wrote its placeholder. */
class MathPlaceholderTest {
  private static final PolicyConfig CONFIG = PolicyConfig.builder(Preset.DEFAULT).build();
  private static final UrlPolicy URLS = new UrlPolicy(CONFIG.urlSchemes());
  private final MarkdownSanitizer markdown = new MarkdownSanitizer(new HtmlSanitizer(CONFIG, URLS), URLS);

  private String clean(String md) {
    Representation in = new Representation("text/markdown", TextNode.valueOf(md), null);
    return markdown.sanitize(in, Action.SANITIZE, new Report("text/markdown"))
        .map(Representation::text).orElse("");
  }

  /** The regions of {@code removeMath} (checked against JupyterLab 4.6 in node). */
  @Test
  void findsTheRegionsJupyterLabFinds() {
    assertEquals(List.of("$a$", "$$b$$"), regions("x $a$ y $$b$$"));
    assertEquals(List.of("\\\\(c\\\\)"), regions("p \\\\(c\\\\) q"));
    assertEquals(List.of("\\begin{x}d\\end{x}"), regions("\\begin{x}d\\end{x}"));
    assertEquals(List.of(), regions("`$a$` and\n```\n$b$\n```\n"));
    assertEquals(List.of(), regions("$a\n\nb$"));
    assertEquals(List.of("$a\r\nb$"), regions("$a\r\nb$"));
    assertEquals(List.of("${a$}$"), regions("${a$}$"));
  }

  private static List<String> regions(String text) {
    return MathSpans.find(text).stream().map(s -> text.substring(s[0], s[1])).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "![$\" onerror=\"alert(1)//$](x)",
      "![a](x '$\" onerror=\"alert(1)//$')",
      "[a]($\"onmouseover=\"alert(1)//$)",
      "[a]\n\n[a]: x '$\" onmouseover=\"alert(1)//$'",
      "<http://x/$\"onmouseover=\"alert(1)//$>",
      "![\\\\(\"onerror=\"alert(1)//\\\\)](x)",
      "| a |\n|---|\n| ![$\" onerror=\"alert(1)//$](x) |",
      "![$<b id=a> onerror=alert(1)// x=$](x)",
      "![$<b title=a foo=1> onerror=alert(1)// x=$](x)",
      "![$<a href=y> onerror=alert(1)// x=$](x)"})
  void noQuoteLeftInMath(String md) {
    String out = clean(md);
    for (int[] s : MathSpans.find(out)) {
      assertFalse(out.substring(s[0], s[1]).contains("\""), out);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<img src=x title=$> onerror=alert(1) x=$>",
      "<b title=$> onmouseover=alert(1) x=$>hover</b>",
      "<div title=$> onmouseover=alert(1) x=$>\nhover\n</div>",
      "<button title=$> data-commandlinker-command=help:about x=$>go</button>"})
  void tagEndingInsideMathIsEscaped(String md) {
    String out = clean(md);
    assertTrue(out.startsWith("&lt;"), out);
  }

  /** JupyterLab's own expressions (latex.ts), as the reference for {@link CodeDollars}. */
  private static final java.util.regex.Pattern FENCE = java.util.regex.Pattern.compile(
      "(?m)^(?<fence>`{3,}|~{3,})[^`\\n]*\\n([\\s\\S]*?)^\\k<fence>`*$");
  private static final java.util.regex.Pattern CODE_SPAN =
      java.util.regex.Pattern.compile("(?m)(^|[^\\\\])(`+)([^\\n]*?[^`\\n])\\2(?!`)");

  private static List<String> matches(java.util.regex.Pattern p, String t) {
    List<String> out = new java.util.ArrayList<>();
    var m = p.matcher(t);
    while (m.find()) {
      out.add(m.start() + ".." + m.end());
    }
    return out;
  }

  private static List<String> ranges(List<int[]> r) {
    return r.stream().map(a -> a[0] + ".." + a[1]).toList();
  }

  @Test
  void codeScannerMatchesJupyterLabsExpressions() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "```~~~$\\\na ";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(24);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = sb.toString();
      assertEquals(matches(FENCE, t), ranges(CodeDollars.fences(t)), () -> "fences of " + t);
      assertEquals(matches(CODE_SPAN, t), ranges(CodeDollars.codeSpans(t)), () -> "spans of " + t);
    }
  }

  @Test
  void codeScannerIsFastOnPathologicalText() {
    StringBuilder sb = new StringBuilder();
    for (int k = 1; sb.length() < 2_000_000; k++) {
      sb.append("`".repeat(k % 2000 + 1)).append("a$");
      if (k % 3000 == 0) {
        sb.append("\n~~~~~~~~~~x\n");
      }
    }
    String t = sb.append('"').toString();
    // JupyterLab's own regular expressions take minutes here; no timing asserted (the suite
    // would show it), only that the regions found are well formed
    int end = 0;
    for (int[] span : MathSpans.find(t)) {
      assertTrue(span[0] >= end && span[1] > span[0] && span[1] <= t.length());
      end = span[1];
    }
  }

  @Test
  void ordinaryMathIsUntouched() {
    String md = "If $a > b$ and $f'(x) = \\frac{1}{2}$, then <b>bold</b> and ![a plot](x.png \"title\").";
    assertEquals(md, clean(md));
  }
  /** No {@code "} is left in any region JupyterLab finds in the text nbguard hands on. */
  private void assertNoQuoteInMath(String md) {
    String out = clean(md);
    for (String region : regions(out)) {
      assertFalse(region.contains("\""), "a quote in math: " + region);
    }
  }

  /**
   * A backtick removed from a fence info string turns the line into a fence, which hides a
   * {@code $} from the math search and re-pairs the others (review finding); past the size up to
   * which the text is parsed, too.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 20_000})
  void mathIsCheckedAfterFenceInfoStringsAreCleaned(int padding) {
    assertNoQuoteInMath("x".repeat(padding) + "\n\n```x`y\n$\n```\n![x$\" onerror=\"alert(1)\" y=\"$](z) $\n");
  }

  /**
   * Many regions and tags (the sizes at which one scan of all regions per tag, and one search
   * for the next quote per region, took minutes; no timing asserted, the suite would show it).
   */
  @Test
  void manyRegionsAndTags() {
    assertTrue(clean("$a$<b>".repeat(170_000)).startsWith("$a$<b>$a$<b>"));
    String quotes = "$a$ ".repeat(300_000) + "\"";
    assertEquals(quotes, clean(quotes));
  }
  /**
   * Classic Notebook 6 hides other code from its math search than JupyterLab (no tilde fences,
   * fences indented and closed anywhere): here classic pairs the quotes of the image's alt as
   * math, JupyterLab does not (its tilde fence hides the first dollar, and its first region then
   * swallows the image). Both frontends' regions are cleaned.
   */
  @Test
  void mathThatOnlyClassicNotebookFindsIsCleanedToo() {
    String md = "~~~\n$\n~~~\n$ ![b$\" onerror=\"alert(1)\" c=\"$](z)\n";
    String out = clean(md);
    assertFalse(out.contains("\" onerror=\""), out);
    // the same with a backtick in the text, as classic hides nothing without one
    String md2 = "`code`\n\n~~~\n$\n~~~\n$ ![b$\" onerror=\"alert(1)\" c=\"$](z)\n";
    assertFalse(clean(md2).contains("\" onerror=\""), clean(md2));
  }

  /** Classic's fence expression, evaluated by Java's engine on short random texts. */
  @Test
  void classicFencesMatchTheRegularExpression() {
    java.util.regex.Pattern classic = java.util.regex.Pattern.compile(
        "^[ \\t\\n]{0,3}(`{3,})(?:.|\\n)*?\\1", java.util.regex.Pattern.MULTILINE);
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = {'`', '`', '`', '$', 'a', ' ', '\n'};
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(24);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String t = sb.toString();
      List<String> expected = new java.util.ArrayList<>();
      java.util.regex.Matcher m = classic.matcher(t);
      while (m.find()) {
        expected.add(m.start() + "-" + m.end());
      }
      List<String> actual = CodeDollars.classicFences(t).stream()
          .map(r -> r[0] + "-" + r[1]).toList();
      assertEquals(expected, actual, () -> "text: " + t.replace("\n", "\\n"));
    }
  }
}
