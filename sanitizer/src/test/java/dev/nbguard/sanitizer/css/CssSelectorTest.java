package dev.nbguard.sanitizer.css;

import static dev.nbguard.sanitizer.css.CssTestSupport.stylesheet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nbguard.sanitizer.css.CssTestSupport.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Selectors of style rules: what stays, how ids are rewritten, what is refused and why. */
class CssSelectorTest {
  private static String kept(String selector) {
    Result r = stylesheet(selector + " { color: red }");
    assertEquals(List.of(), r.findings(), selector);
    String css = r.css();
    return css.substring(0, css.length() - " { color: red; }\n".length());
  }

  private static void refused(String selector, String rule) {
    Result r = stylesheet(selector + " { color: red }");
    assertEquals("", r.css(), selector);
    assertEquals(List.of(rule), r.rules(), selector);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "td | td",
        "#T_abc th.col_heading | #nbg-T_abc th.col_heading",
        "#T_abc tr:hover td | #nbg-T_abc tr:hover td",
        "table > tbody  tr + tr ~ tr | table > tbody tr + tr ~ tr",
        "tr:nth-child(2n+1) td:first-child | tr:nth-child(2n+1) td:first-child",
        "tr:nth-child( odd ) | tr:nth-child( odd )",
        "td:not(.x, #y) | td:not(.x, #nbg-y)",
        "td:is(.a):where(.b) | td:is(.a):where(.b)",
        "input[type=checkbox]:checked | input[type=\"checkbox\"]:checked",
        "a[href$='.pdf' i] | a[href$=\".pdf\" i]",
        "p::first-line | p::first-line",
        "p:before | p:before",
        "td::selection | td::selection",
        "#nbg-already | #nbg-already",
        "#\\31 23 | #nbg-123",
        "* | *",
        ".md\\:flex | .md\\:flex"
      })
  void keepsOrdinarySelectors(String in, String out) {
    assertEquals(out, kept(in));
  }

  @Test
  void rewritesIdAttributeSelectorsThroughTheIdRewriter() {
    assertEquals("[id=\"nbg-T_1\"]", kept("[id=T_1]"));
    assertEquals("[id^=\"nbg-T_\"]", kept("[id^=T_]"));
    assertEquals("[NAME=\"nbg-f\"]", kept("[NAME='f']"));
  }

  @Test
  void idStartingWithDigitAfterRewritingIsEscaped() {
    Result r = new Result(
        CssTestSupport.CSS.sanitizeStylesheet("#a { color: red }", id -> "1" + id,
            new dev.nbguard.sanitizer.Report("text/html")), List.of());
    assertEquals("#\\31 a { color: red; }\n", r.css());
  }

  @ParameterizedTest
  @CsvSource({
    "html, css.selector.outside-output",
    "body div, css.selector.outside-output",
    "'td, BODY', css.selector.outside-output",
    "head, css.selector.outside-output",
    ":root, css.selector.outside-output",
    ":host, css.selector.outside-output",
    ":host(.x) td, css.selector.outside-output",
    "::slotted(td), css.selector.outside-output",
    "div:has(#x), css.selector.outside-output",
    ":not(body) td, css.selector.outside-output",
    "::selection, css.selector.outside-output",
    "*::selection, css.selector.outside-output",
    "[data-jp-kernel-user], css.selector.outside-output",
    ":scope td, css.selector.outside-output",
    "dialog::backdrop, css.selector.outside-output"
  })
  void refusesSelectorsReachingOutsideTheOutput(String selector, String rule) {
    refused(selector, rule);
  }

  @ParameterizedTest
  @CsvSource({
    ".jp-Notebook, css.selector.ui-class",
    ".JP-toolbar, css.selector.ui-class",
    ".\\6a p-Toolbar, css.selector.ui-class",
    ".\\6A\\70-x, css.selector.ui-class",
    "'td, .lm-Widget', css.selector.ui-class",
    ".p-Widget, css.selector.ui-class",
    ".cm-line, css.selector.ui-class",
    ".CodeMirror, css.selector.ui-class",
    "td:not(.jp-x), css.selector.ui-class",
    "'[class~=jp-x]', css.selector.ui-class",
    "'[class=\"a jp-x\"]', css.selector.ui-class",
    "'[class^=j]', css.selector.ui-class",
    "'[class|=jp]', css.selector.ui-class",
    "'[class*=Notebook]', css.selector.ui-class",
    "'[class$=bar]', css.selector.ui-class",
    "jp-button, css.selector.ui-element",
    "mjx-container, css.selector.ui-element"
  })
  void refusesSelectorsForTheApplicationsOwnUi(String selector, String rule) {
    refused(selector, rule);
  }

  @ParameterizedTest
  @CsvSource({
    "'[id]', css.selector.id-attribute",
    "'[id*=Panel]', css.selector.id-attribute",
    "'[id$=Panel]', css.selector.id-attribute",
    "'input[value^=a]', css.selector.attribute-value",
    "'input[value*=a]', css.selector.attribute-value"
  })
  void refusesAttributeSelectorsThatMatchPageIdsOrProbeValues(String selector, String rule) {
    refused(selector, rule);
  }

  @ParameterizedTest
  @CsvSource({
    "a:visited, css.selector.pseudo",
    "a:target, css.selector.pseudo",
    "td:-moz-any(a), css.selector.pseudo",
    "td::-webkit-scrollbar, css.selector.pseudo",
    "td:marker, css.selector.pseudo",
    "td::before(x), css.selector.pseudo"
  })
  void refusesPseudoClassesAndElementsNotOnTheList(String selector, String rule) {
    refused(selector, rule);
  }

  @ParameterizedTest
  @CsvSource({
    "'td,', css.selector.invalid",
    "'td..x', css.selector.invalid",
    "'#1a', css.selector.invalid",
    "'svg|a', css.selector.invalid",
    "'& td', css.selector.invalid",
    "'td:', css.selector.invalid",
    "'[=x]', css.selector.invalid",
    "'[a=b c]', css.selector.invalid",
    "'[a~b]', css.selector.invalid",
    "'td:nth-child(1 of .x)', css.selector.invalid",
    "'td:nth-child(1 of p)', css.selector.invalid",
    "'url(x) td', css.selector.invalid"
  })
  void refusesSelectorsItCannotRead(String selector, String rule) {
    refused(selector, rule);
  }
}
