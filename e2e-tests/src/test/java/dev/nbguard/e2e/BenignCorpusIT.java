package dev.nbguard.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Real outputs of pandas, matplotlib, plotly, altair, folium and IPython.display (corpus/benign)
 * display the same in JupyterLab's renderers after nbguard's DEFAULT preset as raw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenignCorpusIT {
  private List<CorpusCase> cases = List.of();
  private final Map<String, HarnessResult> raw = new LinkedHashMap<>();
  private final Map<String, HarnessResult> sanitized = new LinkedHashMap<>();
  private final Map<String, List<String>> differences = new LinkedHashMap<>();
  private String missingCorpus = "";

  @BeforeAll
  void measureCorpusRawAndSanitized() {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    if (!Files.isDirectory(settings.benignDir())) {
      missingCorpus = "no benign corpus at " + settings.benignDir();
      return;
    }
    cases = CorpusReader.readDir(settings.benignDir());
    Harness harness = new Harness(settings);
    Path work = settings.workDir("benign");
    CaseSanitizer sanitizer = new CaseSanitizer(OutputPolicy.preset(Preset.DEFAULT));
    List<ObjectNode> rawCases = cases.stream().map(CaseSanitizer::raw).toList();
    List<ObjectNode> sanitizedCases = new ArrayList<>();
    for (CorpusCase c : cases) {
      sanitizedCases.add(sanitizer.sanitized(c));
    }
    raw.putAll(harness.run("raw", rawCases, Harness.Mode.MEASURE, work));
    sanitized.putAll(harness.run("default", sanitizedCases, Harness.Mode.MEASURE, work));
    for (CorpusCase c : cases) {
      HarnessResult r = raw.get(c.id());
      HarnessResult s = sanitized.get(c.id());
      if (r != null && s != null && r.measure().isPresent() && s.measure().isPresent()) {
        differences.put(c.id(), BenignComparison.differences(r.measure().get(), s.measure().get()));
      }
    }
    writeReport(settings.outDir().resolve("benign-report.md"), harness.timings());
  }

  @TestFactory
  Stream<DynamicTest> benignOutputDisplaysTheSameAfterNbguard() {
    if (!missingCorpus.isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest("benign corpus", () -> assumeTrue(false, missingCorpus)));
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
  }

  private void check(CorpusCase c) {
    HarnessResult r = raw.get(c.id());
    assumeTrue(r != null && r.measure().isPresent(), () -> "the raw output did not render"
        + (r == null ? "" : r.error().map(e -> ": " + e).orElse("")));
    HarnessResult s = sanitized.get(c.id());
    if (s == null || s.measure().isEmpty()) {
      fail("the sanitized output did not render" + (s == null ? "" : s.error().map(e -> ": " + e).orElse("")));
    }
    List<String> diffs = differences.getOrDefault(c.id(), List.of());
    if (!diffs.isEmpty()) {
      fail(c.id() + " (" + c.source() + ") displays differently after nbguard:\n  - "
          + String.join("\n  - ", diffs));
    }
  }

  private void writeReport(Path file, List<String> timings) {
    StringBuilder md = new StringBuilder("# Benign outputs raw vs after nbguard (default preset)\n\n");
    long same = differences.values().stream().filter(List::isEmpty).count();
    md.append(same).append(" of ").append(cases.size()).append(" outputs display the same. ")
        .append("Harness runs: ").append(String.join("; ", timings)).append(".\n\n");
    md.append("| case | source | raw words | images | SVG shapes | result |\n|---|---|---:|---:|---:|---|\n");
    for (CorpusCase c : cases) {
      JsonNode m = raw.containsKey(c.id()) ? raw.get(c.id()).measure().orElse(null) : null;
      List<String> diffs = differences.get(c.id());
      md.append("| `").append(c.id()).append("` | ").append(c.source().replace("|", "\\|")).append(" | ");
      if (m == null) {
        md.append(" |  |  | raw did not render |\n");
        continue;
      }
      md.append(BenignComparison.words(m.path("text").asText()).values().stream().mapToInt(i -> i).sum())
          .append(" | ").append(m.path("imagesLoaded").asInt())
          .append(" | ").append(m.path("svgShapes").asInt() + m.path("svgImageShapes").asInt())
          .append(" | ")
          .append(diffs == null ? "sanitized did not render" : diffs.isEmpty() ? "same"
              : String.join("<br>", diffs).replace("|", "\\|"))
          .append(" |\n");
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
