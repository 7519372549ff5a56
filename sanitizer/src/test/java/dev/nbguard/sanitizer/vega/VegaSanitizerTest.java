package dev.nbguard.sanitizer.vega;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final String OWN_USERMETA =
      "{\"embedOptions\":{\"actions\":{\"source\":false,\"compiled\":false}}}";

  /** Sanitizes; every kept spec carries nbguard's usermeta, which the assertions then look past. */
  private Optional<Representation> run(JsonNode spec, JsonNode metadata, Report report) {
    return vega.sanitize(new Representation(VL, spec, metadata), Action.SANITIZE, report)
        .map(VegaSanitizerTest::withoutOwnUsermeta);
  }

  private static Representation withoutOwnUsermeta(Representation r) {
    assertEquals(json(OWN_USERMETA), r.value().get("usermeta"), "View Source switched off");
    ObjectNode spec = ((ObjectNode) r.value()).deepCopy();
    spec.remove("usermeta");
    return new Representation(r.mimeType(), spec, r.metadata());
  }

  /** vega-embed's View Source writes the spec into a same-origin window: switched off, silently. */
  @Test
  void switchesOffViewSourceWithoutAFindingAndIsIdempotent() {
    Report first = new Report(VL);
    JsonNode once = vega.sanitize(new Representation(VL,
        json("{\"mark\":\"bar\",\"title\":\"</code><img src=x onerror=alert(1)>\"}"), null),
        Action.SANITIZE, first).orElseThrow().value();
    assertEquals(json(OWN_USERMETA), once.get("usermeta"));
    assertTrue(first.isEmpty(), first.findings().toString());
    Report second = new Report(VL);
    Representation again = vega.sanitize(new Representation(VL, once, null), Action.SANITIZE, second)
        .orElseThrow();
    assertEquals(once, again.value());
    assertTrue(second.isEmpty(), second.findings().toString());
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
      "http://[::1]/x", "file:///etc/passwd", "http://LOCALHOST./x", "javascript:alert(1)",
      // spellings a browser's URL parser turns into a loopback or private host
      "http://127%2e0.0.1:8888/api/contents/", "http://%31%32%37.0.0.1/x",
      "http://\uff11\uff12\uff17.0.0.1/x", "http://127\u30020\u30020\u30021/x",
      "http://\u2460\u2461\u2466.0.0.1/x", "http://0x7f.1/x", "http://0177.0.0.1/x",
      "http://127.1/x", "http://10.0.0.5:8888/api/x", "http://192.168.1.2/x", "http://169.254.169.254/x",
      "http://jupyterhub/user/x", "http:/127.0.0.1/x", "http:\\\\127.0.0.1\\x", "http://u@localhost/x"})
  void dropsDataUrlsThatReachTheJupyterOrigin(String url) {
    assertFalse(DataUrls.allowed(url), url);
  }

  /** A data URL computed by a signal cannot be checked here: it goes; an image channel's field stays. */
  @Test
  void dropsComputedDataUrls() {
    Report report = new Report(VL);
    JsonNode out = run(json("{\"data\":{\"url\":{\"signal\":\"'/api/contents/'\"}},"
        + "\"mark\":\"image\",\"encoding\":{\"url\":{\"field\":\"img\",\"type\":\"nominal\"}}}"),
        null, report).orElseThrow().value();
    assertEquals(json("{\"data\":{},\"mark\":\"image\",\"encoding\":{\"url\":{\"field\":\"img\","
        + "\"type\":\"nominal\"}}}"), out);
    assertEquals(List.of("vega.data.url"), rules(report));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://cdn.jsdelivr.net/npm/vega-datasets@2/data/cars.json",
      "http://example.org:8080/d.csv", "data:text/csv,a%0A1", "https://93.184.216.34/x",
      "https://raw.githubusercontent.com/vega/vega-datasets/main/data/cars.json"})
  void keepsAbsoluteRemoteAndDataUrls(String url) {
    assertTrue(DataUrls.allowed(url), url);
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
    Representation kept = new Representation(VL, out.bundle().path("data").path(VL), null);
    assertEquals(spec, withoutOwnUsermeta(kept).value());
    assertTrue(out.findings().isEmpty(), out.findings().toString());
  }
}
