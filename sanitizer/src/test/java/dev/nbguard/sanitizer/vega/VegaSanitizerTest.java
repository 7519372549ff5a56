package dev.nbguard.sanitizer.vega;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.SanitizedBundle;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.testing.Goldens;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VegaSanitizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VL = "application/vnd.vegalite.v4+json";
  private final VegaSanitizer vega = new VegaSanitizer(new UrlPolicy(Set.of("http", "https", "mailto")));

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Optional<Representation> run(JsonNode spec, JsonNode metadata, Report report) {
    return vega.sanitize(new Representation(VL, spec, metadata), Action.SANITIZE, report);
  }

  private static List<String> rules(Report report) {
    return report.findings().stream().map(Finding::rule).toList();
  }

  static Stream<String> goldens() {
    return Goldens.cases("vega", "json");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void replaysGoldenFile(String name) {
    Report report = new Report(VL);
    JsonNode input = json(Goldens.read("vega", name + ".input.json"));
    JsonNode actual = run(input, null, report).orElseThrow().value();
    assertEquals(json(Goldens.read("vega", name + ".expected.json")), actual);
    assertEquals(actual.equals(input), report.isEmpty(), "findings iff changed: " + rules(report));
  }

  @Test
  void removesUsermetaAndReportsIt() {
    Report report = new Report(VL);
    JsonNode out = run(json("{\"mark\":\"bar\",\"usermeta\":{\"embedOptions\":{\"actions\":true}}}"), null, report)
        .orElseThrow().value();
    assertEquals(json("{\"mark\":\"bar\"}"), out);
    assertEquals(List.of("vega.usermeta"), rules(report));
  }

  @Test
  void removesEmbedOptionsFromMetadataButKeepsOtherKeys() {
    Report report = new Report(VL);
    Representation out = run(json("{\"mark\":\"bar\"}"),
        json("{\"embed_options\":{\"loader\":{\"baseURL\":\"/api/\"}},\"isolated\":true}"), report).orElseThrow();
    assertEquals(json("{\"isolated\":true}"), out.metadata());
    assertEquals(List.of("vega.embed-options"), rules(report));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/contents/x", "files/data.json", "altair-data-1234.json",
      "//evil.example/x", "http://localhost:8888/api/x", "http://127.0.0.1/x", "http://2130706433/x",
      "http://[::1]/x", "file:///etc/passwd", "http://LOCALHOST./x", "javascript:alert(1)"})
  void dropsDataUrlsThatReachTheJupyterOrigin(String url) {
    assertFalse(VegaSanitizer.dataUrlAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://cdn.jsdelivr.net/npm/vega-datasets@2/data/cars.json",
      "http://example.org:8080/d.csv", "data:text/csv,a%0A1", "https://93.184.216.34/x"})
  void keepsAbsoluteRemoteAndDataUrls(String url) {
    assertTrue(VegaSanitizer.dataUrlAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "scale(event.view.setTimeout, 'alert(1)')",
      "lassoAppend(brush, 'x', 1)",
      "vlSelectionTuples([{}], {fields: []})",
      "datum.constructor",
      "toDate(event)",
      "toString.call(x)",
      "event['view']",
      "window.alert(1)"})
  void dropsSpecsWithExpressionGadgets(String expr) {
    Report report = new Report(VL);
    JsonNode spec = json("{\"mark\":\"bar\",\"transform\":[{\"calculate\":" + JSON.valueToTree(expr) + ",\"as\":\"z\"}]}");
    assertTrue(run(spec, null, report).isEmpty());
    assertEquals(List.of("vega.expression.gadget"), rules(report));
  }

  @Test
  void keepsOrdinaryExpressionsAndWindowEventSources() {
    Report report = new Report(VL);
    JsonNode spec = json("{\"transform\":[{\"calculate\":\"toDate(datum.when) + toDate('2020-01-01')\",\"as\":\"t\"}],"
        + "\"params\":[{\"name\":\"p\",\"select\":{\"type\":\"interval\",\"on\":\"[mousedown, window:mouseup] > window:mousemove!\"}}],"
        + "\"title\":\"A rolling window over the top values\"}");
    assertEquals(spec, run(spec, null, report).orElseThrow().value());
    assertTrue(report.isEmpty(), rules(report).toString());
  }

  @Test
  void keepsAnAltairChartThroughTheWholeOutputPolicy() {
    JsonNode spec = json(Goldens.read("vega", "altair-bar-selection.input.json"));
    var bundle = JSON.createObjectNode();
    bundle.set("data", JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set(VL, spec)
        .put("text/plain", "<VegaLite 4 object>"));
    bundle.set("metadata", JSON.createObjectNode());
    SanitizedBundle out = OutputPolicy.preset(Preset.DEFAULT).sanitize(bundle);
    assertEquals(spec, out.bundle().path("data").path(VL));
    assertFalse(out.changed(), out.findings().toString());
  }
}
