package dev.nbguard.sanitizer.css;

import static dev.nbguard.sanitizer.css.CssTestSupport.declarations;
import static dev.nbguard.sanitizer.css.CssTestSupport.stylesheet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sanitizing twice gives the same as once, and output never carries a character that could end
 * a {@code <style>} element or an attribute. Checked on hand-picked inputs and on bounded,
 * seeded random CSS built from the characters that matter to the tokenizer.
 */
class CssIdempotenceTest {
  private static final String ALPHABET_PIECES =
      "a|b|e|n|u|url(|URL(|\\75 rl(|\\|\\\\|\\31 |\\0 |#|.|-|--|+|1|2.5|e5|%|px|(|)|[|]|{|}|;|:|,|"
          + "'|\"|\n|/*|*/|/|*|>|~|=|^|$|||!|important|@media |@import |<!--|-->| |td|#x|.jp-a|"
          + "color|width|fill|calc(|rgb(|var(|expression(|data:image/png;base64,AA==|#g|"
          + "javascript:|\u00e9|\uFFFD|\u0000|\t|&|<";
  private static final String[] PIECES = ALPHABET_PIECES.split("\\|", -1);

  private static void assertStableDeclarations(String in) {
    String once = declarations(in).css();
    CssTestSupport.Result twice = declarations(once);
    assertEquals(once, twice.css(), () -> "input: " + in);
    assertEquals(List.of(), twice.findings(), () -> "input: " + in + "\nonce: " + once);
    assertSafe(once, in);
  }

  private static void assertStableSheet(String in) {
    String once = stylesheet(in).css();
    CssTestSupport.Result twice = stylesheet(once);
    assertEquals(once, twice.css(), () -> "input: " + in);
    assertEquals(List.of(), twice.findings(), () -> "input: " + in + "\nonce: " + once);
    assertSafe(once, in);
  }

  private static void assertSafe(String out, String in) {
    assertTrue(out.indexOf('<') < 0 && out.indexOf('&') < 0, () -> "input: " + in + "\n" + out);
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      assertTrue(c >= 0x20 || c == '\n', () -> "control character in " + out);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "color:red;;width : 10px ! IMPORTANT",
        "font-family: 'a\\'b', \"c\\\"d\", e\\ f",
        "width: 1\\65 5px; height: 1e5px; margin: -\\31 px .5em +2px",
        "fill: url( '#a b' ); fill: url(#\\31 x)",
        "width: calc(100%/3 - -2px*2)",
        "color: red/**/blue; width: 1/**/2px",
        "grid-template-columns: [a-b] repeat(2, minmax(0, 1fr))",
        "transform: translate(1px,2px)rotate(3deg)",
        "font-family: \\\"x, y\\\""
      })
  void declarationsAreAFixedPointAfterOnePass(String in) {
    assertStableDeclarations(in);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a/**/b{color:red}",
        "td.a\\:b#c\\.d[x='y\\'z' i]:hover::before{color:red}",
        "@media screen and (min-width:100px){td{color:red}}",
        "#\\31 a, #-\\32 b, #\\-- { color: red }",
        "tr:nth-child(-n+3):nth-of-type(2n-1) { color: red }",
        "td:not(:first-child):is(.x,#y) > p ~ q + r { color: red }",
        ".\u00e9t\u00e9 { color: red }",
        "td { width: 1e\\2d 5px }"
      })
  void stylesheetsAreAFixedPointAfterOnePass(String in) {
    assertStableSheet(in);
  }

  @Test
  void randomCssIsAFixedPointAfterOnePassAndNeverThrows() {
    Random random = new Random(20261125L);
    for (int n = 0; n < 4000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int i = 0; i < length; i++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String in = sb.toString();
      assertStableDeclarations(in);
      assertStableSheet(in);
      assertStableSheet("td{" + in + "}");
      assertStableSheet(in + "{color:red}");
    }
  }
}
