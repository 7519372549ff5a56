package dev.nbguard.sanitizer.css;

import static dev.nbguard.sanitizer.css.CssTestSupport.stylesheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.sanitizer.css.CssTestSupport.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code <style>} blocks: rules and at-rules. */
class CssStylesheetTest {
  private static void dropped(String css, String rule) {
    Result r = stylesheet(css);
    assertEquals("", r.css(), css);
    assertEquals(List.of(rule), r.rules(), css);
  }

  @Test
  void keepsPandasStylerRuleWithIdsRewritten() {
    Result r =
        stylesheet(
            "#T_abc_row0_col0, #T_abc_row1_col0 {\n  background-color: #f7fbff;\n"
                + "  color: #000000;\n}\n");
    assertEquals(
        "#nbg-T_abc_row0_col0, #nbg-T_abc_row1_col0 { background-color: #f7fbff; color: #000000; }\n",
        r.css());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void keepsMatplotlibUniversalRule() {
    assertEquals(
        "* { stroke-linejoin: round; stroke-linecap: butt; }\n",
        stylesheet("*{stroke-linejoin: round; stroke-linecap: butt}").css());
  }

  @Test
  void rewritesFragmentUrlsWithTheIdRewriter() {
    assertEquals(
        "#nbg-a { fill: url(\"#nbg-grad\"); }\n",
        stylesheet("#a { fill: url(#grad) }").css());
  }

  @ParameterizedTest
  @CsvSource({
    "'@import url(http://e.example/x.css);', css.at-rule.import",
    "'@import \"x.css\" screen;', css.at-rule.import",
    "'@\\69mport \"x.css\";', css.at-rule.import",
    "'@font-face { font-family: x; src: url(http://e.example/f.woff) }', css.at-rule.font-face",
    "'@namespace svg url(http://www.w3.org/2000/svg);', css.at-rule.namespace",
    "'@charset \"utf-8\";', css.at-rule.charset",
    "'@page { margin: 0 }', css.at-rule.page",
    "'@property --x { syntax: \"*\"; inherits: false }', css.at-rule.property",
    "'@layer base { td { color: red } }', css.at-rule.layer",
    "'@container (min-width: 1px) { td { color: red } }', css.at-rule.container",
    "'@keyframes jp-spin { from { opacity: 0 } to { opacity: 1 } }', css.at-rule.keyframes",
    "'@-webkit-keyframes x { }', css.at-rule.keyframes",
    "'@-moz-document url-prefix() { td { color: red } }', css.at-rule.document",
    "'@whatever-new { td { color: red } }', css.at-rule.unknown",
    "'@media print;', css.parse-error"
  })
  void dropsAtRulesThatLoadOrDefinePageWideNames(String css, String rule) {
    dropped(css, rule);
  }

  @Test
  void keepsMediaWithItsRulesFiltered() {
    Result r =
        stylesheet(
            "@media (max-width: 600px) and (orientation: portrait) {"
                + " td { color: red; position: fixed } body { color: red } }");
    assertEquals(
        "@media (max-width: 600px) and (orientation: portrait) {\ntd { color: red; }\n}\n",
        r.css());
    assertEquals(List.of("css.value.position", "css.selector.outside-output"), r.rules());
  }

  @Test
  void keepsSupportsWithItsRulesFiltered() {
    Result r = stylesheet("@supports (display: grid) and (not (color: rgb(1 2 3))) { td { display: grid } }");
    assertEquals(
        "@supports (display: grid) and (not (color: rgb(1 2 3))) {\ntd { display: grid; }\n}\n",
        r.css());
  }

  @Test
  void dropsGroupingRuleWhoseConditionCouldLoadOrCannotBeWritten() {
    dropped("@supports (background: url(http://e.example/x)) { td { color: red } }",
        "css.at-rule.supports-condition");
    dropped("@supports selector(:has(a)) { td { color: red } }", "css.at-rule.supports-condition");
    dropped("@media (400px < width) { td { color: red } }", "css.at-rule.media-query");
  }

  @Test
  void dropsMediaLeftEmptySilentlyAfterReportingItsRules() {
    Result r = stylesheet("@media print { body { color: red } }");
    assertEquals("", r.css());
    assertEquals(List.of("css.selector.outside-output"), r.rules());
  }

  @Test
  void keepsNestedMediaWithinTheDepthLimit() {
    assertEquals(
        "@media screen {\n@media print {\ntd { color: red; }\n}\n}\n",
        stylesheet("@media screen { @media print { td { color: red } } }").css());
  }

  @Test
  void dropsRuleCutOffByEndOfInput() {
    dropped("td", "css.parse-error");
  }

  @Test
  void keepsRuleWhoseBlockIsClosedByEndOfInputAsBrowsersDo() {
    assertEquals("td { color: red; }\n", stylesheet("td { color: red").css());
  }

  @Test
  void skipsMarkupCommentDelimitersAtTopLevel() {
    assertEquals("td { color: red; }\n", stylesheet("<!-- td { color: red } -->").css());
  }

  @Test
  void closingStyleTagInsideTheSheetNeverSurvives() {
    Result r =
        stylesheet("td { color: red } </style><script>alert(1)</script><style> p { color: blue }");
    assertTrue(r.css().indexOf('<') < 0, r.css());
    assertEquals("td { color: red; }\n", r.css());
  }

  @Test
  void dropsEmptyRuleWithoutReport() {
    Result r = stylesheet("td { } p { ; }");
    assertEquals("", r.css());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void refusesSheetNestedTooDeeply() {
    dropped("@media screen {".repeat(100) + "td { color: red }", "css.limit.nesting");
  }

  @Test
  void badStringInPreludeDropsOnlyThatRule() {
    Result r = stylesheet("td[title='a\n] { color: red } p { color: blue }");
    assertTrue(r.css().endsWith("p { color: blue; }\n") || r.css().isEmpty(), r.css());
    assertTrue(r.css().indexOf('<') < 0);
  }

  @Test
  void sanitizesTenThousandRulesCorrectly() {
    StringBuilder css = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      css.append("#T_x_row").append(i).append("_col0 {\n  background-color: #f7fbff;\n")
          .append("  color: #000000;\n}\n");
      expected.append("#nbg-T_x_row").append(i)
          .append("_col0 { background-color: #f7fbff; color: #000000; }\n");
    }
    Result r = stylesheet(css.toString());
    assertEquals(expected.toString(), r.css());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void listsAtMostAHundredFindingsAndCountsTheRest() {
    Result r = stylesheet("td { " + "position: fixed; ".repeat(1_000) + "color: red }");
    assertEquals("td { color: red; }\n", r.css());
    assertEquals(101, r.findings().size());
    assertEquals("css.findings.truncated", r.rules().get(100));
    assertEquals("900 more CSS findings", r.findings().get(100).excerpt());
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void pathologicalMegabyteInputsComplete() {
    int n = 1 << 20;
    List<String> inputs = List.of(
        "(".repeat(n), "[(".repeat(n / 2), "a{".repeat(n / 2), "}".repeat(n), ";".repeat(n),
        "a;".repeat(n / 2), "/*" + "x".repeat(n), "'" + "x".repeat(n), "url(" + "x".repeat(n),
        "td{color:" + "\\".repeat(n) + "}", "#".repeat(n), "-".repeat(n) + ">", "1e".repeat(n),
        "td{width:" + "calc(1px + ".repeat(40) + "1px" + ")".repeat(40) + "}",
        "a,".repeat(n / 2) + "b{color:red}", ":not(".repeat(40) + "a" + ")".repeat(40) + "{}");
    for (String in : inputs) {
      Result r = stylesheet(in);
      assertTrue(r.findings().size() <= Findings.MAX + 1);
      assertTrue(CssTestSupport.declarations(in).findings().size() <= Findings.MAX + 1);
    }
  }

  @Test
  void sanitizesALongHostileLineWithoutBlowingUp() {
    String css = "td { font-family: " + "'a',".repeat(50_000) + "'b'; background: "
        + "url(".repeat(20_000) + " }";
    Result r = stylesheet(css);
    assertTrue(r.css().startsWith("td { font-family: \"a\",\"a\","), r.css().substring(0, 40));
    assertEquals(List.of("css.parse-error"), r.rules());
  }
}
