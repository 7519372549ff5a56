package dev.nbguard.sanitizer.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.testing.Goldens;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LatexSanitizerTest {
  private final LatexSanitizer latex = new LatexSanitizer(new UrlPolicy(Set.of("http", "https", "mailto")));

  private String clean(String tex, Report report) {
    Representation in = new Representation("text/latex", TextNode.valueOf(tex), null);
    return latex.sanitize(in, Action.SANITIZE, report).orElseThrow().text();
  }

  private String clean(String tex) {
    return clean(tex, new Report("text/latex"));
  }

  private static List<String> rules(Report report) {
    return report.findings().stream().map(Finding::rule).toList();
  }

  static Stream<String> goldens() {
    return Goldens.cases("latex", "tex");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void replaysGoldenFile(String name) {
    Report report = new Report("text/latex");
    String actual = clean(Goldens.read("latex", name + ".input.tex"), report);
    if (!Goldens.exists("latex", name + ".expected.tex")) {
      fail("no expected file for " + name + "; actual:\n" + actual + "\nfindings: " + rules(report));
    }
    assertEquals(Goldens.read("latex", name + ".expected.tex"), actual);
    if (actual.equals(Goldens.read("latex", name + ".input.tex"))) {
      assertTrue(report.isEmpty(), "unchanged input must report nothing: " + rules(report));
    } else {
      assertFalse(report.isEmpty(), "a change must be reported");
    }
  }

  @Test
  void keepsOrdinaryMathByteIdenticalWithoutFindings() {
    Report report = new Report("text/latex");
    String tex = "$$\\frac{a}{b} + \\sum_{i=1}^{n} x_i^2 \\quad \\text{for } \\alpha \\in \\mathbb{R}$$ % note";
    assertEquals(tex, clean(tex, report));
    assertTrue(report.isEmpty());
  }

  @Test
  void removesJavascriptHrefButKeepsItsText() {
    Report report = new Report("text/latex");
    assertEquals("${}{click}$", clean("$\\href{javascript:alert(1)}{click}$", report));
    assertEquals(List.of("latex.macro.href"), rules(report));
  }

  @Test
  void keepsHttpsHref() {
    String tex = "$\\href{https://example.org/a?b=c}{x}$";
    assertEquals(tex, clean(tex));
  }

  @Test
  void checksTheUrlAfterWhitespaceBetweenMacroAndArgument() {
    assertEquals("${}{c}$", clean("$\\href {javascript:alert(1)}{c}$"));
    assertEquals("${}{c}$", clean("$\\href\n\t{ JaVaScRiPt:alert(1)}{c}$"));
  }

  @Test
  void removesHrefWhoseArgumentIsNotABraceGroup() {
    Report report = new Report("text/latex");
    String out = clean("$\\href%\n{javascript:alert(1)}{d}$", report);
    assertFalse(out.contains("\\href"), out);
    assertEquals(List.of("latex.macro.unparsed"), rules(report));
  }

  @Test
  void leavesBlockedNamesFollowedByASingleTokenAlone() {
    Report report = new Report("text/latex");
    String path = "Saved to C:\\Users\\me\\data\\style\\out.csv and \\href x";
    assertEquals(path, clean(path, report));
    assertTrue(report.isEmpty());
  }

  @Test
  void removesHrefWithAnUnclosedOrOverlongArgument() {
    assertFalse(clean("$\\href{javascript:alert(1)").contains("\\href"));
    String longUrl = "$\\href{javascript:alert(1)//" + "a".repeat(5000) + "}{x}$";
    assertFalse(clean(longUrl).contains("\\href"));
  }

  @Test
  void leavesAnEscapedBackslashFollowedByLettersAlone() {
    String tex = "$a \\\\href{javascript:x} b$";
    assertEquals(tex, clean(tex));
  }

  @Test
  void removesAttributeArgumentsOfClassCssIdStyleAndData() {
    Report report = new Report("text/latex");
    String out = clean("$\\class{jp-Dialog}{x}\\cssId{main}{y}\\style{position:fixed}{z}\\data{a=b}{w}$", report);
    assertEquals("${}{x}{}{y}{}{z}{}{w}$", out);
    assertEquals(4, rules(report).stream().filter("latex.macro.attribute"::equals).count());
  }

  @Test
  void removesRequireSetOptionsAndMmlToken() {
    Report report = new Report("text/latex");
    String out = clean("$\\require{html}\\setOptions[html]{x}\\mmlToken{mi}[href=\"javascript:x\"]{a}$", report);
    assertFalse(out.contains("\\require") || out.contains("\\setOptions") || out.contains("\\mmlToken"), out);
    assertEquals(List.of("latex.macro.require", "latex.macro.setoptions", "latex.macro.mmltoken"), rules(report));
  }

  @Test
  void neutralisesDefinitionsThatCouldAssembleHref() {
    Report report = new Report("text/latex");
    String out = clean("$\\def\\x{\\hr}\\x ef{javascript:alert(1)}{a}$", report);
    assertFalse(out.contains("\\def"), out);
    assertTrue(rules(report).contains("latex.macro.definition"));
  }

  @Test
  void neutralisesDefinitionsGluingAParameterToAControlWord() {
    String out = clean("$\\newcommand{\\x}[1]{\\h#1}\\x{ref}{javascript:alert(1)}{a}$");
    assertFalse(out.contains("\\newcommand"), out);
  }

  @Test
  void keepsHarmlessDefinitions() {
    String tex = "$\\newcommand{\\R}{\\mathbb{R}} \\def\\half{\\frac12} x \\in \\R, \\half$";
    assertEquals(tex, clean(tex));
  }

  @Test
  void removesHrefInsideALetTarget() {
    String out = clean("$\\let\\y=\\href \\y{javascript:alert(2)}{b}$");
    assertFalse(out.contains("\\href"), out);
  }

  @Test
  void keepsNumericUnicodeButRemovesFontOptions() {
    assertEquals("$\\unicode{x263A}$", clean("$\\unicode{x263A}$"));
    String out = clean("$\\unicode[Arial; background:url(//evil)]{x41}$");
    assertFalse(out.contains("\\unicode"), out);
  }

  @Test
  void keepsSimpleBboxAndStripsCssWithUrls() {
    String ok = "$\\bbox[yellow,5px,border:2px solid red]{x}$";
    assertEquals(ok, clean(ok));
    assertEquals("$\\bbox{x}$", clean("$\\bbox[background:url(https://evil/)]{x}$"));
    assertEquals("$\\bbox{x}$", clean("$\\bbox[5px;position:fixed;top:0]{x}$"));
  }

  @Test
  void removalNeverGluesNeighboursIntoANewControlWord() {
    String out = clean("$\\hr\\class{x}ef{javascript:alert(1)}{a}$");
    assertFalse(out.contains("\\href"), out);
  }

  @Test
  void checksUrlMacro() {
    assertEquals("${}$", clean("$\\url{javascript:alert(1)}$"));
    assertEquals("$\\url{https://example.org}$", clean("$\\url{https://example.org}$"));
  }

  @Test
  void scansInsideCommentsToo() {
    String out = clean("$x % \\href{javascript:alert(1)}{y}\n$");
    assertFalse(out.contains("javascript"), out);
  }
}
