package dev.nbguard.sanitizer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.testing.Goldens;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  private final ImageValidator images = new ImageValidator();

  private Optional<Representation> run(String mime, JsonNode value, JsonNode metadata, Report report) {
    return images.sanitize(new Representation(mime, value, metadata), Action.ALLOW, report);
  }

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> rules(Report report) {
    return report.findings().stream().map(Finding::rule).toList();
  }

  static Stream<String> goldens() {
    return Goldens.cases("image", "json");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void replaysGoldenFile(String name) {
    JsonNode in = json(Goldens.read("image", name + ".input.json"));
    JsonNode expected = json(Goldens.read("image", name + ".expected.json"));
    Report report = new Report(in.path("mime").textValue());
    Optional<Representation> out = run(in.path("mime").textValue(), in.path("value"), in.path("metadata"), report);
    if (expected.path("dropped").asBoolean()) {
      assertTrue(out.isEmpty());
      assertEquals(Action.DROP, report.findings().get(0).action());
      return;
    }
    assertEquals(expected.path("value"), out.orElseThrow().value());
    assertEquals(expected.path("metadata"), out.orElseThrow().metadata());
    boolean unchanged = expected.path("metadata").equals(in.path("metadata"));
    assertEquals(unchanged, report.isEmpty(), rules(report).toString());
  }

  @Test
  void keepsAValidPngWithoutFindings() {
    Report report = new Report("image/png");
    assertEquals(TextNode.valueOf(PNG), run("image/png", TextNode.valueOf(PNG), null, report).orElseThrow().value());
    assertTrue(report.isEmpty());
  }

  @Test
  void ignoresNewlinesAndSpacesInBase64() {
    String wrapped = PNG.substring(0, 20) + "\n" + PNG.substring(20, 40) + " \r\n" + PNG.substring(40) + "\n";
    assertTrue(run("image/png", TextNode.valueOf(wrapped), null, new Report("image/png")).isPresent());
  }

  @Test
  void acceptsUnpaddedBase64LikeABrowser() {
    String unpadded = PNG.replace("=", "");
    assertTrue(run("image/png", TextNode.valueOf(unpadded), null, new Report("image/png")).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "iVBORw0KGgo=AAAA", "iVBORw0KGgoAA", "iVBORw0KGgo===",
      "iVBORw0K-_go", "data:image/png;base64,iVBORw0KGgo="})
  void dropsInvalidBase64(String value) {
    Report report = new Report("image/png");
    assertTrue(run("image/png", TextNode.valueOf(value), null, report).isEmpty());
    assertEquals(List.of("image.base64.invalid"), rules(report));
  }

  @Test
  void dropsDataWhoseMagicBytesDoNotMatchTheType() {
    Report report = new Report("image/jpeg");
    assertTrue(run("image/jpeg", TextNode.valueOf(PNG), null, report).isEmpty());
    assertEquals(List.of("image.magic.mismatch"), rules(report));
  }

  @Test
  void recognisesGifWebpAndBmpSignatures() {
    String gif = Base64.getEncoder().encodeToString("GIF89a\u0001\u0000\u0001\u0000".getBytes());
    String webp = Base64.getEncoder().encodeToString("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ".getBytes());
    String bmp = Base64.getEncoder().encodeToString("BM\u0000\u0000".getBytes());
    assertTrue(run("image/gif", TextNode.valueOf(gif), null, new Report("image/gif")).isPresent());
    assertTrue(run("image/webp", TextNode.valueOf(webp), null, new Report("image/webp")).isPresent());
    assertTrue(run("image/bmp", TextNode.valueOf(bmp), null, new Report("image/bmp")).isPresent());
    assertTrue(run("image/gif", TextNode.valueOf(bmp), null, new Report("image/gif")).isEmpty());
  }

  @Test
  void convertsNumericStringDimensionsAndDropsTheRest() {
    Report report = new Report("image/png");
    Representation out = run("image/png", TextNode.valueOf(PNG),
        json("{\"width\":\"640\",\"height\":\"100%\",\"unconfined\":\"yes\",\"alt\":\"a plot\",\"needs_background\":\"light\"}"),
        report).orElseThrow();
    assertEquals(json("{\"width\":640,\"alt\":\"a plot\"}"), out.metadata());
    assertEquals(List.of("image.metadata.converted", "image.metadata.invalid", "image.metadata.invalid",
        "image.metadata.dropped"), rules(report));
  }

  @Test
  void dropsNegativeDimensions() {
    Report report = new Report("image/png");
    Representation out = run("image/png", TextNode.valueOf(PNG), json("{\"width\":-5,\"height\":2.5}"), report).orElseThrow();
    assertEquals(json("{\"height\":2.5}"), out.metadata());
  }

  @Test
  void dropsNonStringValues() {
    Report report = new Report("image/png");
    assertTrue(run("image/png", json("{\"a\":1}"), null, report).isEmpty());
    assertEquals(List.of("image.not-a-string"), rules(report));
  }
}
