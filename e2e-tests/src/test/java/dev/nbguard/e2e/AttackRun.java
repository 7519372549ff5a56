package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attack corpus rendered in the browser harness raw (as JupyterLab renders a trusted live
 * output) and after nbguard under the DEFAULT and STRICT presets. Case files and results are
 * kept under target/e2e/attacks/ (raw, default and strict case files; the distinct sanitized
 * outputs are rendered once each).
 */
public final class AttackRun {
  public static final List<Preset> PRESETS = List.of(Preset.DEFAULT, Preset.STRICT);

  private final List<CorpusCase> cases;
  private final Map<String, HarnessResult> raw;
  private final Map<Preset, Map<String, ObjectNode>> sanitizedCases;
  private final Map<Preset, Map<String, HarnessResult>> sanitized;
  private final List<String> timings;

  private AttackRun(List<CorpusCase> cases, Map<String, HarnessResult> raw,
      Map<Preset, Map<String, ObjectNode>> sanitizedCases,
      Map<Preset, Map<String, HarnessResult>> sanitized, List<String> timings) {
    this.timings = List.copyOf(timings);
    this.cases = cases;
    this.raw = raw;
    this.sanitizedCases = sanitizedCases;
    this.sanitized = sanitized;
  }

  public static AttackRun run(E2eSettings settings, List<CorpusCase> cases) {
    Harness harness = new Harness(settings);
    harness.checkBuilt();
    Path work = settings.workDir("attacks");
    List<ObjectNode> rawCases = cases.stream().map(CaseSanitizer::raw).toList();
    Map<String, HarnessResult> raw = harness.run("raw", rawCases, Harness.Mode.ATTACK, work);
    Map<Preset, Map<String, ObjectNode>> sanitizedCases = new EnumMap<>(Preset.class);
    for (Preset preset : PRESETS) {
      CaseSanitizer sanitizer = new CaseSanitizer(OutputPolicy.preset(preset));
      Map<String, ObjectNode> byId = new LinkedHashMap<>();
      for (CorpusCase c : cases) {
        byId.put(c.id(), sanitizer.sanitized(c));
      }
      sanitizedCases.put(preset, byId);
      Harness.writeCases(work.resolve(preset.label() + ".cases.jsonl"), new ArrayList<>(byId.values()));
    }
    Map<Preset, Map<String, HarnessResult>> sanitized = renderDistinct(harness, work, sanitizedCases);
    return new AttackRun(List.copyOf(cases), raw, sanitizedCases, sanitized, harness.timings());
  }

  /**
   * Renders every distinct sanitized output once (the policy maps many attacks to the same
   * output, e.g. the same notice) and gives each case the result of its output.
   */
  private static Map<Preset, Map<String, HarnessResult>> renderDistinct(
      Harness harness, Path work, Map<Preset, Map<String, ObjectNode>> sanitizedCases) {
    Map<String, String> keyByContent = new LinkedHashMap<>();
    List<ObjectNode> distinct = new ArrayList<>();
    Map<Preset, Map<String, String>> keyById = new EnumMap<>(Preset.class);
    sanitizedCases.forEach((preset, byId) -> {
      Map<String, String> keys = new LinkedHashMap<>();
      byId.forEach((id, c) -> {
        ObjectNode content = c.deepCopy();
        content.remove("id");
        String key = keyByContent.computeIfAbsent(content.toString(), k -> {
          String first = "out" + keyByContent.size() + "-" + id + "-" + preset.label();
          content.put("id", first);
          distinct.add(content);
          return first;
        });
        keys.put(id, key);
      });
      keyById.put(preset, keys);
    });
    Map<String, HarnessResult> results =
        harness.run("sanitized-distinct", distinct, Harness.Mode.ATTACK, work);
    Map<Preset, Map<String, HarnessResult>> out = new EnumMap<>(Preset.class);
    keyById.forEach((preset, keys) -> {
      Map<String, HarnessResult> byId = new LinkedHashMap<>();
      keys.forEach((id, key) -> {
        HarnessResult r = results.get(key);
        if (r != null) {
          byId.put(id, r);
        }
      });
      out.put(preset, byId);
    });
    return out;
  }

  /** How long each harness run took. */
  public List<String> timings() {
    return timings;
  }

  public List<CorpusCase> cases() {
    return cases;
  }

  public Optional<HarnessResult> raw(String id) {
    return Optional.ofNullable(raw.get(id));
  }

  public boolean executesRaw(String id) {
    return raw(id).map(HarnessResult::executed).orElse(false);
  }

  public Optional<HarnessResult> sanitized(Preset preset, String id) {
    return Optional.ofNullable(sanitized.get(preset).get(id));
  }

  public Optional<ObjectNode> sanitizedCase(Preset preset, String id) {
    return Optional.ofNullable(sanitizedCases.get(preset).get(id));
  }

}
