package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node browser harness (e2e-tests/harness/run-cases.mjs) on a file of cases: JupyterLab's
 * own renderers in headless Chromium. One call = one harness process = one browser.
 */
public final class Harness {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final E2eSettings settings;
  private final List<String> timings = new ArrayList<>();

  public Harness(E2eSettings settings) {
    this.settings = settings;
  }

  public enum Mode {
    ATTACK, MEASURE
  }

  /** Fails with instructions when the harness has not been installed and built. */
  public void checkBuilt() {
    Path dir = settings.harnessDir();
    String fix = "run ./run-tests or `npm ci && npm run build` in e2e-tests/harness";
    if (!Files.isRegularFile(dir.resolve("run-cases.mjs"))) {
      throw new IllegalStateException("no browser harness at " + dir + " (" + fix + ")");
    }
    if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
      throw new IllegalStateException(dir.resolve("node_modules") + " is missing: " + fix);
    }
    if (!Files.isRegularFile(dir.resolve("dist/page.js"))) {
      throw new IllegalStateException(dir.resolve("dist") + " is not built: " + fix);
    }
  }

  /**
   * Writes {@code cases} (objects with id, bundle, optional widget) to {@code <work>/<label>.jsonl},
   * runs the harness on them and returns the results by case id.
   */
  public Map<String, HarnessResult> run(String label, List<ObjectNode> cases, Mode mode, Path work) {
    checkBuilt();
    Path in = work.resolve(label + ".cases.jsonl");
    Path out = work.resolve(label + ".results.json");
    Path log = work.resolve(label + ".harness.log");
    writeCases(in, cases);
    try {
      Files.deleteIfExists(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = List.of(
        System.getProperty("nbguard.e2e.node", "node"), "run-cases.mjs",
        "--in", in.toString(), "--out", out.toString(),
        "--mode", mode.name().toLowerCase(java.util.Locale.ROOT),
        "--concurrency", Integer.toString(settings.concurrency()));
    long started = System.nanoTime();
    int exit = execute(command, log, settings.harnessTimeout());
    timings.add(String.format(java.util.Locale.ROOT, "%s: %d cases (%s) in %.1f s", label,
        cases.size(), mode.name().toLowerCase(java.util.Locale.ROOT),
        (System.nanoTime() - started) / 1e9));
    if (exit != 0 || !Files.isRegularFile(out)) {
      throw new IllegalStateException("the browser harness failed (exit " + exit + ") on " + in
          + "; its log " + log + " ends with:\n" + tail(log, 20));
    }
    try {
      JsonNode results = JSON.readTree(out.toFile());
      Map<String, HarnessResult> byId = new LinkedHashMap<>();
      for (JsonNode r : results) {
        HarnessResult result = HarnessResult.of(r);
        byId.put(result.id(), result);
      }
      return byId;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable harness results " + out, e);
    }
  }

  /** One line per harness run of this instance: label, cases, mode, wall-clock seconds. */
  public List<String> timings() {
    return List.copyOf(timings);
  }

  /** One case object per line, the harness's input format. */
  public static void writeCases(Path file, List<ObjectNode> cases) {
    try {
      List<String> lines = new ArrayList<>();
      for (ObjectNode c : cases) {
        lines.add(JSON.writeValueAsString(c));
      }
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int execute(List<String> command, Path log, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(settings.harnessDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    try {
      Process p = pb.start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException("the browser harness did not finish within " + timeout
            + "; see " + log);
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start node (is Node.js 20 on PATH?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the browser harness ran", e);
    }
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
