package dev.nbguard.sanitizer.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.SanitizedBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the benign corpus ({@code corpus/benign/*.jsonl}, real library outputs) and
 * checks the policies keep every representation a user needs: DEFAULT keeps every MIME type;
 * STRICT keeps every one except Vega (dropped by design). The rendering itself is compared in a
 * browser by the e2e tests; this only catches a policy that throws or drops real output.
 */
class BenignCorpusReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OutputPolicy DEFAULT = OutputPolicy.preset(Preset.DEFAULT);
  private static final OutputPolicy STRICT = OutputPolicy.preset(Preset.STRICT);

  static Stream<Arguments> outputs() {
    Path dir = Path.of("..", "corpus", "benign");
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!l.isBlank()) {
            JsonNode n = JSON.readTree(l);
            out.add(Arguments.of(n.get("id").asText(), n.get("bundle")));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("benign corpus not readable at " + dir.toAbsolutePath(), e);
    }
    assertTrue(out.size() >= 45, "only " + out.size() + " benign outputs");
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void defaultKeepsEveryRepresentation(String id, JsonNode bundle) {
    SanitizedBundle r = assertDoesNotThrow(() -> DEFAULT.sanitize(bundle.deepCopy()));
    List<String> expected = expectedKeys(bundle, false);
    if (expected.isEmpty()) {
      expected = List.of("text/plain"); // the policy's notice
    }
    assertEquals(expected, keys(r.bundle().path("data")), id + ": " + r.findings());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void strictKeepsEverythingButVega(String id, JsonNode bundle) {
    SanitizedBundle r = assertDoesNotThrow(() -> STRICT.sanitize(bundle.deepCopy()));
    List<String> expected = expectedKeys(bundle, true);
    if (expected.isEmpty()) {
      expected = List.of("text/plain"); // the policy's notice
    }
    assertEquals(expected, keys(r.bundle().path("data")), id + ": " + r.findings());
  }

  private static List<String> expectedKeys(JsonNode bundle, boolean strict) {
    List<String> keys = new ArrayList<>();
    for (String k : keys(bundle.path("data"))) {
      if (strict && k.startsWith("application/vnd.vega")) {
        continue;
      }
      keys.add(k);
    }
    return keys;
  }

  private static List<String> keys(JsonNode data) {
    List<String> keys = new ArrayList<>();
    data.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
