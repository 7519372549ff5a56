package dev.nbguard.sanitizer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.SanitizedBundle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlRepresentationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HtmlRepresentation HANDLER =
      new HtmlRepresentation(Policies.HTML, Policies.CONFIG);

  private static Optional<Representation> run(String mime, String text, Action action, Report r) {
    return HANDLER.sanitize(new Representation(mime, TextNode.valueOf(text), null), action, r);
  }

  @Test
  void sandboxesHtmlThatCarriesScript() {
    Report report = new Report("text/html");
    String plotly = "<div id=\"p\"></div><script type=\"text/javascript\">Plotly.newPlot('p')</script>";
    Representation out = run("text/html", plotly, Action.SANDBOX, report).orElseThrow();
    assertEquals("text/html", out.mimeType());
    assertTrue(out.text().startsWith("<iframe sandbox=\"allow-scripts\" srcdoc=\""), out.text());
    assertTrue(report.findings().stream()
        .anyMatch(f -> f.rule().equals("html.sandboxed") && f.action() == Action.SANDBOX));
  }

  @Test
  void theFrameIsAsTallAsThePlotItShows() {
    String plotly = "<div id=\"p\" style=\"height:525px; width:100%;\"></div>"
        + "<script>Plotly.newPlot('p')</script>";
    Representation out = run("text/html", plotly, Action.SANDBOX, new Report("text/html"))
        .orElseThrow();
    org.jsoup.nodes.Element frame = HtmlFragments.parse(out.text()).child(0);
    assertEquals("width:100%;height:" + (525 + FrameHeight.MARGIN_PX) + "px;border:0",
        frame.attr("style"));
    Representation again = run("text/html", out.text(), Action.SANDBOX, new Report("text/html"))
        .orElseThrow();
    assertEquals(out.text(), again.text(), "a sized frame is still recognised as nbguard's own");
  }

  @Test
  void keepsItsOwnSandboxFrameInsteadOfNestingAnother() {
    String plotly = "<div id=\"p\"></div><script>Plotly.newPlot('p')</script>";
    Representation once = run("text/html", plotly, Action.SANDBOX, new Report("text/html")).orElseThrow();
    Report again = new Report("text/html");
    Representation twice = run("text/html", once.text(), Action.SANDBOX, again).orElseThrow();
    assertEquals(once.text(), twice.text());
    assertTrue(again.isEmpty(), again.findings().toString());
  }

  @Test
  void aLookalikeFrameWithMorePowerIsFramedAgain() {
    String sameOrigin = "<iframe sandbox=\"allow-scripts allow-same-origin\" srcdoc=\"&lt;script&gt;top.x()&lt;/script&gt;\""
        + " style=\"width:100%;height:480px;border:0\" referrerpolicy=\"no-referrer\" loading=\"lazy\"></iframe>";
    String withHandler = "<iframe sandbox=\"allow-scripts\" srcdoc=\"x\" onload=\"alert(1)\""
        + " style=\"width:100%;height:480px;border:0\" referrerpolicy=\"no-referrer\" loading=\"lazy\"></iframe>";
    String withSibling = "<iframe sandbox=\"allow-scripts\" srcdoc=\"x\""
        + " style=\"width:100%;height:480px;border:0\" referrerpolicy=\"no-referrer\" loading=\"lazy\"></iframe>"
        + "<img src=x onerror=alert(1)>";
    for (String lookalike : new String[] {sameOrigin, withHandler, withSibling}) {
      Report report = new Report("text/html");
      Representation out = run("text/html", lookalike, Action.SANDBOX, report).orElseThrow();
      assertTrue(out.text().startsWith("<iframe sandbox=\"allow-scripts\" srcdoc=\"&lt;"), out.text());
      assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("html.sandboxed")), lookalike);
    }
  }

  @Test
  void sandboxesFoliumWhoseMapIsAnIframeSrcdocPage() {
    String folium = Goldens.read("html", "folium-map.sandbox.html");
    Report report = new Report("text/html");
    Representation out = run("text/html", folium, Action.SANDBOX, report).orElseThrow();
    org.jsoup.nodes.Element frame = HtmlFragments.parse(out.text()).child(0);
    assertEquals("allow-scripts", frame.attr("sandbox"));
    assertTrue(frame.attr("srcdoc").contains(folium), "the original page, whole");
  }

  @Test
  void sandboxesIframeEmbeds() {
    String embed = "<iframe width=\"400\" height=\"300\" src=\"https://www.youtube.com/embed/abc\""
        + " frameborder=\"0\" allowfullscreen></iframe>";
    Report report = new Report("text/html");
    Representation out = run("text/html", embed, Action.SANDBOX, report).orElseThrow();
    assertTrue(out.text().startsWith("<iframe sandbox=\"allow-scripts\""), out.text());
    Representation strict = run("text/html", embed, Action.SANITIZE, new Report("text/html")).orElseThrow();
    assertEquals("", strict.text());
  }

  @Test
  void staticHtmlUnderSandboxIsSanitizedNotFramed() {
    Report report = new Report("text/html");
    Representation out =
        run("text/html", "<b onclick=x()>t</b><svg><script>1</script></svg>", Action.SANDBOX, report)
            .orElseThrow();
    assertEquals("<b>t</b><svg></svg>", out.text());
    assertFalse(report.findings().stream().anyMatch(f -> f.action() == Action.SANDBOX));
  }

  @Test
  void explicitAllowPassesHtmlUnchanged() {
    Report report = new Report("text/html");
    String raw = "<b onclick=x()>t</b>";
    assertEquals(raw, run("text/html", raw, Action.ALLOW, report).orElseThrow().text());
    assertTrue(report.isEmpty());
  }

  @Test
  void javascriptUnderSanitizeIsDropped() {
    Report report = new Report("text/javascript");
    assertTrue(run("text/javascript", "alert(1)", Action.SANITIZE, report).isEmpty());
    assertEquals("javascript.drop", report.findings().get(0).rule());
  }

  @Test
  void sanitizeActionNeverFrames() {
    Report report = new Report("text/html");
    Representation out =
        run("text/html", "<p>a</p><script>alert(1)</script>", Action.SANITIZE, report).orElseThrow();
    assertEquals("<p>a</p>", out.text());
  }

  @Test
  void javascriptUnderSandboxBecomesAFrame() {
    Report report = new Report("application/javascript");
    Representation out =
        run("application/javascript", "element.textContent = 'hi'", Action.SANDBOX, report)
            .orElseThrow();
    assertEquals("text/html", out.mimeType());
    assertTrue(out.text().contains("sandbox=\"allow-scripts\""));
    assertFalse(out.text().contains("allow-same-origin"));
  }

  private static JsonNode bundle(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void outputPolicyStoresSandboxedJavascriptAsHtml() throws Exception {
    SanitizedBundle b = OutputPolicy.preset(Preset.PERMISSIVE).sanitize(bundle(
        "{\"data\":{\"application/javascript\":\"element.textContent='x'\"},\"metadata\":{}}"));
    ObjectNode data = (ObjectNode) b.bundle().get("data");
    assertFalse(data.has("application/javascript"), data.toString());
    assertTrue(data.get("text/html").textValue().startsWith("<iframe sandbox=\"allow-scripts\""));
  }

  @Test
  void outputPolicyKeepsTheBundlesOwnHtmlOverSandboxedJavascript() throws Exception {
    SanitizedBundle b = OutputPolicy.preset(Preset.PERMISSIVE).sanitize(bundle(
        "{\"data\":{\"application/javascript\":\"alert(1)\",\"text/html\":\"<b>kept</b>\"}}"));
    ObjectNode data = (ObjectNode) b.bundle().get("data");
    assertEquals("<b>kept</b>", data.get("text/html").textValue());
    assertFalse(data.has("application/javascript"));
    assertTrue(b.findings().stream().map(Finding::rule).anyMatch("policy.mime-collision"::equals));
  }

  @Test
  void outputPolicyDropsJavascriptInTheDefaultPreset() throws Exception {
    SanitizedBundle b = OutputPolicy.preset(Preset.DEFAULT).sanitize(bundle(
        "{\"data\":{\"application/javascript\":\"alert(1)\",\"text/plain\":\"x\"}}"));
    ObjectNode data = (ObjectNode) b.bundle().get("data");
    assertFalse(data.has("application/javascript"));
    assertFalse(data.has("text/html"));
  }

  @Test
  void outputPolicySanitizesHtmlInStrictAndSandboxesInDefault() throws Exception {
    String html = "{\"data\":{\"text/html\":[\"<p>a</p>\\n\",\"<script>alert(1)</script>\"]}}";
    JsonNode strict = OutputPolicy.preset(Preset.STRICT).sanitize(bundle(html)).bundle();
    assertEquals("[\"<p>a</p>\\n\"]", strict.at("/data/text~1html").toString());
    JsonNode dflt = OutputPolicy.preset(Preset.DEFAULT).sanitize(bundle(html)).bundle();
    assertTrue(dflt.at("/data/text~1html").toString().contains("iframe sandbox"));
  }

  @Test
  void outputPolicyKeepsABenignTableUnchangedWhenNothingChanges() throws Exception {
    String table = "<table><tbody><tr><td>1</td></tr></tbody></table>";
    SanitizedBundle b = OutputPolicy.preset(Preset.DEFAULT).sanitize(bundle(
        "{\"data\":{\"text/html\":\"" + table + "\"}}"));
    assertEquals(table, b.bundle().at("/data/text~1html").textValue());
    assertFalse(b.changed());
  }

  @Test
  void outputPolicySanitizesSvg() throws Exception {
    SanitizedBundle b = OutputPolicy.preset(Preset.DEFAULT).sanitize(bundle(
        "{\"data\":{\"image/svg+xml\":\"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'>"
            + "<rect width='1'/></svg>\"}}"));
    String svg = b.bundle().at("/data/image~1svg+xml").textValue();
    assertFalse(svg.contains("onload"), svg);
    assertTrue(svg.contains("<rect width=\"1\" />"), svg);
  }

  @Test
  void outputPolicyDropsSvgWithoutRootAndPutsANotice() throws Exception {
    SanitizedBundle b = OutputPolicy.preset(Preset.DEFAULT).sanitize(bundle(
        "{\"data\":{\"image/svg+xml\":\"<script>alert(1)</script>\"}}"));
    assertFalse(b.bundle().at("/data").has("image/svg+xml"));
    assertTrue(b.bundle().at("/data/text~1plain").textValue().startsWith(OutputPolicy.NOTICE_PREFIX));
  }
}
