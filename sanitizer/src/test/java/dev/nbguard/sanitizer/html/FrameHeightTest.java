package dev.nbguard.sanitizer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameHeightTest {
  private static final int CONFIGURED = 480;

  private static int of(String html) {
    return FrameHeight.of(HtmlFragments.parse(html), CONFIGURED);
  }

  @Test
  void plotlysPlotDivSizesTheFrame() {
    // the shape of plotly's notebook output (corpus: plotly-notebook-renderer-2)
    assertEquals(525 + FrameHeight.MARGIN_PX, of("<div><div id=\"p\" class=\"plotly-graph-div\""
        + " style=\"height:525px; width:100%;\"></div><script>Plotly.newPlot('p')</script></div>"));
  }

  @Test
  void replacedElementsCountWithTheirHeightAttribute() {
    assertEquals(300 + FrameHeight.MARGIN_PX, of("<iframe width=\"400\" height=\"300\""
        + " src=\"https://www.youtube.com/embed/abc\"></iframe>"));
    assertEquals(200 + FrameHeight.MARGIN_PX,
        of("<iframe width=\"100%\" height=\"200\" src=\"https://jupyter.org\"></iframe>"));
    assertEquals(120 + FrameHeight.MARGIN_PX,
        of("<canvas height=\"120px\"></canvas><script>x</script>"));
  }

  @Test
  void theTallestDeclarationWinsAndMinHeightCounts() {
    assertEquals(600 + FrameHeight.MARGIN_PX, of("<div style=\"height: 100px\"></div>"
        + "<div style=\"color:red; min-height: 600px !important\"></div><script>x</script>"));
  }

  @Test
  void nothingDeclaredOrOnlyRelativeSizesGiveTheConfiguredHeight() {
    assertEquals(CONFIGURED, of("<div id=\"vis\"></div><script>vegaEmbed('#vis', spec)</script>"));
    assertEquals(CONFIGURED, of("<div style=\"width:100%;height:0;padding-bottom:60%\"></div>"
        + "<iframe width=\"100%\" height=\"100%\" srcdoc=\"x\"></iframe>"));
    assertEquals(CONFIGURED, of("<div style=\"max-height:900px; line-height:30px\"></div>"));
    assertEquals(CONFIGURED, of("<div height=\"700\"></div><script>x</script>"),
        "height is an attribute of replaced elements only");
  }

  @Test
  void sizesInsideScriptOrStyleTextDoNotCount() {
    assertEquals(CONFIGURED, of("<style>.x{height:900px}</style>"
        + "<script>el.style.height = '900px'; // height:900px</script>"));
  }

  @Test
  void declaredHeightsAreCapped() {
    assertEquals(CONFIGURED * FrameHeight.CAP_FACTOR,
        of("<div style=\"height:999999px\"></div><script>x</script>"));
  }
}
