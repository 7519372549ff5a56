package dev.nbguard.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The harness detects what it must and nothing else: script in trusted HTML, Markdown,
 * JavaScript and widget HTML runs raw and is seen; an image load of an API URL and script inside
 * an opaque-origin sandbox (nbguard's own sandbox) are not counted, though they happen.
 * Fixtures: src/test/resources/controls/controls.jsonl ({@code expect}: executes | not-counted;
 * {@code signal}: the signal type that must be seen, or for not-counted cases the observation
 * that proves the control ran).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<JsonNode> controls = new ArrayList<>();
  private Map<String, HarnessResult> results;

  @BeforeAll
  void renderControls() {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    List<ObjectNode> cases = new ArrayList<>();
    try (InputStream in = ControlIT.class.getResourceAsStream("/controls/controls.jsonl")) {
      if (in == null) {
        throw new IllegalStateException("controls/controls.jsonl is not on the test classpath");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          JsonNode control = JSON.readTree(line);
          controls.add(control);
          ObjectNode c = JSON.createObjectNode();
          c.set("id", control.get("id"));
          c.set("bundle", control.get("bundle"));
          if (control.has("widget")) {
            c.set("widget", control.get("widget"));
          }
          cases.add(c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    results = new Harness(settings).run("controls", cases, Harness.Mode.ATTACK, settings.workDir("controls"));
  }

  @TestFactory
  Stream<DynamicTest> harnessCountsExactlyScriptWithThePagesOrigin() {
    return controls.stream().map(control -> DynamicTest.dynamicTest(
        control.get("id").asText() + " " + control.get("expect").asText(), () -> check(control)));
  }

  private void check(JsonNode control) {
    String id = control.get("id").asText();
    HarnessResult r = results.get(id);
    assertTrue(r != null, "no result for control " + id);
    assertTrue(r.error().isEmpty(), () -> "harness error: " + r.error().get());
    String signal = control.path("signal").asText("");
    if (control.get("expect").asText().equals("executes")) {
      assertTrue(r.executed(), () -> id + " must execute raw but " + r.describe()
          + "; observed: " + r.observed());
      if (!signal.isEmpty()) {
        boolean seen = false;
        for (JsonNode s : r.signals()) {
          seen |= s.path("type").asText().equals(signal);
        }
        assertTrue(seen, id + " must show a '" + signal + "' signal; it showed " + r.signalLines());
      }
    } else {
      assertFalse(r.executed(), () -> id + " must not count as execution but " + r.describe());
      if (!signal.isEmpty()) {
        assertTrue(observed(r, signal), () -> id + " must be observed to happen (" + signal
            + ") without counting, else the control proves nothing; observed: " + r.observed());
      }
    }
  }

  /** "request:/api/kernels" or "console:text" among the non-counting observations. */
  private static boolean observed(HarnessResult r, String what) {
    String type = what.substring(0, what.indexOf(':'));
    String value = what.substring(what.indexOf(':') + 1);
    for (JsonNode o : r.observed()) {
      if (o.path("type").asText().equals(type)
          && (o.path("url").asText().equals(value) || o.path("text").asText().equals(value))) {
        return true;
      }
    }
    return false;
  }
}
