package dev.nbguard.sanitizer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SandboxTest {
  /** The frame as the page's HTML parser sees it: exactly one iframe and nothing else. */
  private static Element parsedFrame(String frameHtml) {
    Element root = HtmlFragments.parse(frameHtml);
    assertEquals(1, root.childrenSize(), frameHtml);
    Element iframe = root.child(0);
    assertEquals("iframe", iframe.normalName());
    assertEquals(List.of("sandbox", "srcdoc", "style", "referrerpolicy", "loading"),
        iframe.attributes().asList().stream().map(a -> a.getKey()).toList());
    return iframe;
  }

  @Test
  void srcdocCannotBreakOutOfTheAttribute() {
    String payload = "<p>\"><img src=x onerror=alert(1)> &quot;><script>alert(2)</script>"
        + " ' &amp;quot; &#34;</p>";
    Element iframe = parsedFrame(Sandbox.frame(payload, 300));
    assertEquals("allow-scripts", iframe.attr("sandbox"));
    String srcdoc = iframe.attr("srcdoc");
    assertTrue(srcdoc.contains(payload), "the frame gets the original HTML back: " + srcdoc);
    assertTrue(srcdoc.startsWith("<!DOCTYPE html>"));
  }

  @Test
  void neverGrantsSameOriginNavigationPopupsModalsOrForms() {
    String frame = Sandbox.frame("<script>x</script>", 480);
    String flags = parsedFrame(frame).attr("sandbox");
    for (String bad : new String[] {"allow-same-origin", "allow-top-navigation",
        "allow-popups-to-escape-sandbox", "allow-modals", "allow-forms"}) {
      assertFalse(flags.contains(bad), flags);
    }
    assertTrue(frame.contains("height:480px"));
  }

  @Test
  void wholeDocumentsAreKeptAsTheyAre() {
    String doc = "<!DOCTYPE html>\n<html><head><script src=\"https://cdn.plot.ly/p.js\"></script>"
        + "</head><body><div id=\"p\"></div></body></html>";
    assertEquals(doc, parsedFrame(Sandbox.frame(doc, 100)).attr("srcdoc"));
  }

  @Test
  void scriptFrameProvidesElementAndCannotCloseTheScriptEarly() {
    String code = "element.innerHTML = '</script><img src=x onerror=alert(1)>'; // </SCRIPT >";
    String srcdoc = parsedFrame(Sandbox.script(code, 200)).attr("srcdoc");
    assertTrue(srcdoc.contains("var element = document.body;"), srcdoc);
    // Parsed as the frame will parse it: one script holding all the code, no img element.
    org.jsoup.nodes.Document inner = org.jsoup.Jsoup.parse(srcdoc);
    assertEquals(1, inner.select("script").size(), srcdoc);
    assertEquals(0, inner.select("img").size(), srcdoc);
    assertTrue(inner.selectFirst("script").data().contains("element.innerHTML"));
  }
}
