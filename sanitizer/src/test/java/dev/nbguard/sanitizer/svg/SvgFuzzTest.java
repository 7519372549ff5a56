package dev.nbguard.sanitizer.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random compositions of hostile SVG pieces inside an SVG root, seeded and bounded. Properties:
 * the result is well-formed XML, passes the HTML (inline) check, is inert and is a fixed point.
 */
class SvgFuzzTest {
  private static final String[] PIECES = {
    "<script>P()</script>", "<foreignObject>", "</foreignObject>", "<g onload=\"P()\">", "</g>",
    "<a xlink:href=\"javascript:P()\">", "</a>", "<a href=\"#x\">", "<text>", "</text>",
    "<title>", "</title>", "<style>", "</style>", "a{fill:red}", "<![CDATA[", "]]>",
    "<![CDATA[<img src=x onerror=P()>]]>", "<!--", "-->", "&lt;", "&amp;", "&xxe;", "<",
    "<use href=\"#x\"/>", "<use href=\"https://e.example/#x\"/>", "<rect id=\"x\" fill=\"url(#x)\"/>",
    "<animate attributeName=\"href\" values=\"javascript:P()\"/>", "<set attributeName=\"onclick\"/>",
    "<div xmlns=\"http://www.w3.org/1999/xhtml\">", "</div>", "<img src=\"x\" onerror=\"P()\"/>",
    "<svg>", "</svg>", "<image href=\"data:text/html,x\"/>", "<?pi x?>", "<p>", "text", "\"", "'",
    "<math><mi>", "<desc><b>x</b></desc>", "<iframe/>", "<h:img xmlns:h=\"http://www.w3.org/1999/xhtml\"/>",
  };

  @Test
  void randomCompositionsStayInertWellFormedAndStable() {
    Random random = new Random(11252026L);
    for (int i = 0; i < 800; i++) {
      StringBuilder sb = new StringBuilder(
          "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">");
      int n = 1 + random.nextInt(12);
      for (int k = 0; k < n; k++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String input = sb.append("</svg>").toString();
      SvgSanitizerTest.Result r = SvgSanitizerTest.sanitize(input);
      SvgSanitizerTest.assertInert(r.svg());
      assertEquals(r.svg(), SvgSanitizerTest.sanitize(r.svg()).svg(), () -> "not stable: " + input);
    }
  }
}
