package dev.nbguard.sanitizer.css;

import static dev.nbguard.sanitizer.css.CssTestSupport.CSS;
import static dev.nbguard.sanitizer.css.CssTestSupport.IDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nbguard.sanitizer.Report;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scoped stylesheet variant confines every kept selector to the output's wrapper. */
class CssScopeTest {
  private static final String SCOPE = ":where([data-nbguard-output])";

  private static String scoped(String css) {
    return CSS.sanitizeStylesheet(css, IDS, SCOPE, new Report("text/html"));
  }

  @Test
  void prefixesEveryComplexSelectorWithTheScope() {
    assertEquals(
        ":where([data-nbguard-output]) #nbg-T_1 td, :where([data-nbguard-output]) * { color: red; }\n",
        scoped("#T_1 td, * { color: red }"));
  }

  @Test
  void scopesRulesInsideMedia() {
    assertEquals(
        "@media print {\n:where([data-nbguard-output]) td:not(.x) { color: red; }\n}\n",
        scoped("@media print { td:not(.x) { color: red } }"));
  }

  @Test
  void outputCannotTargetTheScopeAttribute() {
    Report report = new Report("text/html");
    assertEquals(
        "", CSS.sanitizeStylesheet("[data-nbguard-output] { display: none }", IDS, SCOPE, report));
    assertEquals("css.selector.outside-output", report.findings().get(0).rule());
  }

  /** xarray defines its colours on :root: in scoped output that is the output's own root. */
  @Test
  void rootBecomesTheScopeAndCustomPropertiesAreKept() {
    Report report = new Report("text/html");
    String once = CSS.sanitizeStylesheet(":root { --xr-font-color0: var(--jp-content-font-color0, "
        + "rgba(0, 0, 0, 1)); --Mixed: red } .xr-a { color: var(--xr-font-color0) } "
        + "body.vscode-dark { --xr-font-color0: white }", IDS, SCOPE, report);
    assertEquals(":where([data-nbguard-output]) { --xr-font-color0: var(--jp-content-font-color0, "
        + "rgba(0, 0, 0, 1)); --Mixed: red; }\n:where([data-nbguard-output]) .xr-a { color: "
        + "var(--xr-font-color0); }\n", once);
    assertEquals(List.of("css.selector.outside-output"),
        report.findings().stream().map(f -> f.rule()).toList());
    assertEquals(once, CSS.sanitizeStylesheet(once, IDS, SCOPE, new Report("text/html")));
  }

  @Test
  void scopedOutputIsAFixedPointWithTheSameScope() {
    String once = scoped("td > p, #x { color: red } @media print { * { color: blue } }");
    assertEquals(once, scoped(once));
  }

  @Test
  void scopedOutputSanitizedUnscopedLosesTheTrustedScopeSelector() {
    String once = scoped("td > p { color: red }");
    Report report = new Report("text/html");
    assertEquals("", CSS.sanitizeStylesheet(once, IDS, report));
    assertEquals(List.of("css.selector.outside-output"),
        report.findings().stream().map(f -> f.rule()).toList());
  }

  @Test
  void scopeSelectorIsWrittenCanonically() {
    assertEquals("div.out > .x td { color: red; }\n",
        CSS.sanitizeStylesheet("td { color: red }", IDS, " div.out  >  .x ", new Report("x")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "a, b", "a{", "a;", "a<b", "a&b", "a\\b", "a\nb"})
  void refusesAScopeThatIsNotAPlainSelector(String scope) {
    assertThrows(
        IllegalArgumentException.class,
        () -> CSS.sanitizeStylesheet("td { color: red }", IDS, scope, new Report("text/html")));
  }
}
