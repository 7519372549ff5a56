package dev.nbguard.sanitizer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nbguard.sanitizer.html.Policies.Result;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random compositions of the usual mXSS building blocks (foreign content, raw-text elements,
 * comments, quotes, table and select fix-ups). Seeded and bounded: the same cases every run.
 * Properties: the cleaner's output always passes the verifier by itself (no fail-closed
 * fallback needed), nothing can run, and sanitizing again changes nothing.
 */
class HtmlFuzzTest {
  private static final String[] PIECES = {
    "<svg>", "</svg>", "<math>", "</math>", "<mtext>", "<mglyph>", "<mi>", "<style>", "</style>",
    "<title>", "</title>", "<desc>", "<foreignObject>", "<img src=x onerror=P()>",
    "<a href='javascript:P()'>", "<a href=\"#x\" id=x>", "<!--", "-->", "<!-->", "<table>",
    "<td>", "<tr>", "</table>", "<select>", "</select>", "<option>", "<textarea>", "</textarea>",
    "<noscript>", "</noscript>", "<template>", "</template>", "<p>", "</p>", "<form>", "</form>",
    "<![CDATA[", "]]>", "\"", "'", ">", "<", "&", "&lt;", "&quot;", "<iframe srcdoc='<b>'>",
    "<xmp>", "</xmp>", "<script>P()</script>", "<div id=x class='jp-X y'>", "<use href=#x>",
    "<b title=\"</style><img src=x onerror=P()>\">", "a{color:red}", "text ", "<br/>", "</br>",
    "<svg><p>", "<math><style>", "<noembed>", "<plaintext>", "<image src=x onerror=P()>",
    "<input type=checkbox id=c><label for=c>", "<button data-commandlinker-command=x>",
    "<svg><a xlink:href='javascript:P()'>", "<animate attributeName=href values=javascript:P()>",
  };

  @Test
  void randomCompositionsStayInertAndConsistent() {
    Random random = new Random(20261125L);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(14);
      for (int k = 0; k < n; k++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String input = sb.toString();
      Result r = Policies.sanitize(input);
      assertFalse(r.has("html.verify-failed"), () -> input + " -> " + r.html() + " " + r.findings());
      assertFalse(r.html().contains("P()") && !r.html().contains("&lt;") && r.html().contains("on"),
          () -> input + " -> " + r.html());
      HtmlSanitizerTest.assertInert(r.html());
      String again = Policies.sanitize(r.html()).html();
      assertEquals(r.html(), again, () -> "not idempotent for " + input);
    }
  }
}
