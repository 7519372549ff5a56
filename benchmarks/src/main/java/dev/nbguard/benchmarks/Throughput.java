package dev.nbguard.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.SanitizedBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Sanitizer throughput on real library output: for each input, a bare jsoup parse (the floor)
 * and the full default policy ({@code OutputPolicy.preset(DEFAULT).sanitize(bundle)}), plus
 * bleach's numbers when bleach_bench.py ran first. Prints a Markdown table. See
 * docs/benchmarks.md.
 *
 * <p>Usage: {@code java -jar nbguard-benchmarks.jar INPUT_DIR [--bleach FILE] [--out FILE]
 * [--seconds N]}
 */
public final class Throughput {
  private Throughput() {}

  public static void main(String[] args) throws IOException {
    Path inputs = Path.of(args[0]);
    Optional<Path> bleach = Optional.empty();
    Optional<Path> out = Optional.empty();
    double seconds = 4;
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--bleach" -> bleach = Optional.of(Path.of(args[i + 1]));
        case "--out" -> out = Optional.of(Path.of(args[i + 1]));
        case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    JsonNode bleachResults = bleach.filter(Files::exists).map(Throughput::readJson)
        .orElse(JsonNodeFactory.instance.objectNode());
    OutputPolicy policy = OutputPolicy.preset(Preset.DEFAULT);
    List<String> rows = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    String oneMb = "";
    List<Input> all = Input.readAll(inputs);
    preWarm(all, policy, seconds);
    for (Input in : all) {
      System.err.printf(Locale.ROOT, "  %s (%.2f MB)…%n", in.name(), in.bytes() / 1e6);
      Timing.Result parse = Timing.measure(floor(in), seconds, 5, 2_000);
      ObjectNode bundle = bundle(in);
      Timing.Result full = Timing.measure(() -> policy.sanitize(bundle), seconds, 5, 2_000);
      JsonNode b = bleachResults.path("results").path(in.file());
      String bleachCell = b.isMissingNode() ? "–" : mbps(in.bytes(), Timing.fromSeconds(
          readSeconds(b.path("times"))).medianNanos());
      SanitizedBundle result = policy.sanitize(bundle);
      boolean kept = result.bundle().path("data").has(in.mime());
      rows.add(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s | %s | %.2f | %s |",
          in.name(), in.bytes() / 1e6, kept ? "kept" : "**dropped**",
          mbps(in.bytes(), parse.medianNanos()), mbps(in.bytes(), parse.p90Nanos()),
          mbps(in.bytes(), full.medianNanos()), mbps(in.bytes(), full.p90Nanos()),
          full.medianNanos() / parse.medianNanos(), bleachCell));
      outcomes.add("| " + in.name() + " | " + in.mime() + " | " + outcome(result, in)
          + " | " + parse.runs() + " / " + full.runs() + " |");
      if (in.file().equals("pandas-1mb.html")) {
        oneMb = String.format(Locale.ROOT,
            "A ~1 MB pandas table (%s, %.2f MB): full default policy median **%.2f ms** (p90 %.2f ms);"
                + " bare jsoup parse median %.2f ms.",
            in.name(), in.bytes() / 1e6, full.medianNanos() / 1e6, full.p90Nanos() / 1e6,
            parse.medianNanos() / 1e6);
      }
    }
    String table = render(rows, outcomes, oneMb, bleachResults);
    System.out.println(table);
    if (out.isPresent()) {
      Files.writeString(out.get(), table + "\n", StandardCharsets.UTF_8);
    }
  }

  /** JIT warm-up over every input and both operations before anything is timed. */
  private static void preWarm(List<Input> all, OutputPolicy policy, double seconds) {
    System.err.printf(Locale.ROOT, "  warming up (%.0f s)…%n", seconds * 2);
    long end = System.nanoTime() + (long) (seconds * 2e9);
    int rounds = 0;
    while (rounds < 2 || System.nanoTime() < end) {
      for (Input in : all) {
        floor(in).get();
        policy.sanitize(bundle(in));
      }
      rounds++;
    }
  }

  private static Supplier<Object> floor(Input in) {
    return switch (in.kind()) {
      case "document" -> () -> Jsoup.parse(in.text());
      case "xml" -> () -> Jsoup.parse(in.text(), "", Parser.xmlParser());
      default -> () -> Parser.parseBodyFragment(in.text(), "");
    };
  }

  private static ObjectNode bundle(Input in) {
    ObjectNode b = JsonNodeFactory.instance.objectNode();
    b.put("output_type", "display_data");
    b.putObject("data").put(in.mime(), in.text());
    b.putObject("metadata");
    return b;
  }

  /** What the policy did to the input, so a fast number is never mistaken for real work. */
  private static String outcome(SanitizedBundle r, Input in) {
    JsonNode kept = r.bundle().path("data").path(in.mime());
    String what = kept.isMissingNode() ? "dropped" : String.format(Locale.ROOT,
        "kept, %.2f MB out", kept.asText().getBytes(StandardCharsets.UTF_8).length / 1e6);
    List<String> rules = r.findings().stream().map(Finding::rule).distinct().limit(4).toList();
    return what + "; " + r.findings().size() + " findings"
        + (rules.isEmpty() ? "" : " (" + String.join(", ", rules) + ")");
  }

  private static String render(List<String> rows, List<String> outcomes, String oneMb, JsonNode bleach) {
    StringBuilder sb = new StringBuilder();
    sb.append("| input | MB | policy result | jsoup parse median MB/s | parse p90 MB/s"
        + " | default policy median MB/s | policy p90 MB/s | policy/parse time | bleach median MB/s |\n");
    sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(r -> sb.append(r).append('\n'));
    sb.append('\n').append(oneMb).append("\n\n");
    sb.append("| input | MIME type | what the default policy did | runs (parse / policy) |\n");
    sb.append("|---|---|---|---|\n");
    outcomes.forEach(r -> sb.append(r).append('\n'));
    sb.append('\n').append(String.format(Locale.ROOT,
        "Java %s, %d cores; p90 = the throughput of the run at the 90th percentile of time (slow end)."
            + " A **dropped** result means the policy failed closed (e.g. a placeholder handler):"
            + " its numbers measure nothing. bleach: %s.",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        bleach.has("bleach") ? bleach.get("bleach").asText() + ", nbconvert-like allowlist" : "not run"));
    return sb.toString();
  }

  private static String mbps(int bytes, double nanos) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6 / (nanos / 1e9));
  }

  private static List<Double> readSeconds(JsonNode times) {
    List<Double> out = new ArrayList<>();
    times.forEach(t -> out.add(t.asDouble()));
    return out;
  }

  private static JsonNode readJson(Path p) {
    try {
      return new ObjectMapper().readTree(p.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
    }
  }
}
