package dev.nbguard.sanitizer.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WidgetViewValidatorTest {
  private static final String MIME = "application/vnd.jupyter.widget-view+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WidgetViewValidator views = new WidgetViewValidator();

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Optional<Representation> run(String value, Report report) {
    return views.sanitize(new Representation(MIME, json(value), null), Action.SANITIZE, report);
  }

  private static List<String> rules(Report report) {
    return report.findings().stream().map(Finding::rule).toList();
  }

  @Test
  void keepsARealIpywidgetsViewUnchanged() {
    Report report = new Report(MIME);
    String view = "{\"version_major\":2,\"version_minor\":0,\"model_id\":\"5f3c2d0e8a7b4c1d9e6f0a1b2c3d4e5f\"}";
    assertEquals(json(view), run(view, report).orElseThrow().value());
    assertTrue(report.isEmpty());
  }

  @Test
  void rebuildsTheObjectWithoutExtraFields() {
    Report report = new Report(MIME);
    Representation out = run("{\"model_id\":\"abc\",\"version_major\":2,\"html\":\"<img src=x onerror=alert(1)>\"}", report)
        .orElseThrow();
    assertEquals(json("{\"model_id\":\"abc\",\"version_major\":2}"), out.value());
    assertEquals(List.of("widget.view.field.dropped"), rules(report));
  }

  @Test
  void keepsIpywidgets6ViewsThatCarryNoVersion() {
    Report report = new Report(WidgetStateSanitizer.MIME_TYPE);
    Representation out = run("{\"model_id\":\"abc\"}", report).orElseThrow();
    assertEquals(json("{\"model_id\":\"abc\"}"), out.value());
    assertTrue(report.isEmpty(), report.findings().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"version_major\":2}", "{\"model_id\":\"a b\",\"version_major\":2}",
      "{\"model_id\":\"../../api\",\"version_major\":2}",
      "{\"model_id\":\"abc\",\"version_major\":\"2\"}", "{\"model_id\":7,\"version_major\":2}", "[1]", "\"abc\""})
  void dropsMalformedViews(String value) {
    Report report = new Report(MIME);
    assertTrue(run(value, report).isEmpty());
    assertEquals(List.of("widget.view.invalid"), rules(report));
  }
}
