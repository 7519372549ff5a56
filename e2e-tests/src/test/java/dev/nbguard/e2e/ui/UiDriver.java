package dev.nbguard.e2e.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs e2e-tests/lab-app/drive.mjs (playwright-core driving Debian's Chromium) on one scenario:
 * open the notebook in a UI, type and run the cells, save, reopen. One call, one browser.
 */
public final class UiDriver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path labAppDir;
  private final Duration timeout;

  public UiDriver(Path labAppDir, Duration timeout) {
    this.labAppDir = labAppDir;
    this.timeout = timeout;
  }

  /** Fails with instructions when the lab app has not been installed and built. */
  public void checkBuilt() {
    String fix = "run ./run-tests, or `npm ci && npm run build` in " + labAppDir;
    if (!Files.isDirectory(labAppDir.resolve("node_modules/playwright-core"))) {
      throw new IllegalStateException(labAppDir.resolve("node_modules") + " is missing: " + fix);
    }
    if (!Files.isRegularFile(labAppDir.resolve("dist/nbguard-lab/app.js"))) {
      throw new IllegalStateException("the lab app is not built: " + fix);
    }
  }

  public Path dist() {
    return labAppDir.resolve("dist");
  }

  /** Runs the cells in {@code ui} at {@code base}; the result is drive.mjs's JSON. */
  public UiRun run(String label, NotebookUi ui, Deployment.Running running, String notebook,
      List<NotebookCell> cells, Path work, Path screenshots) {
    return run(label, ui, running, notebook, cells, true, work, screenshots);
  }

  /**
   * {@code execute} false: open the notebook and observe the stored outputs of {@code cells}
   * (ids only) without running anything or reopening.
   */
  public UiRun run(String label, NotebookUi ui, Deployment.Running running, String notebook,
      List<NotebookCell> cells, boolean execute, Path work, Path screenshots) {
    ObjectNode scenario = JSON.createObjectNode()
        .put("label", label)
        .put("ui", ui.driverName())
        .put("base", running.base())
        .put("token", running.token())
        .put("notebook", notebook)
        .put("reopen", execute)
        .put("run", execute)
        .put("screenshots", screenshots.toString())
        .put("timeoutMs", 60_000);
    // long helper code says little in a screenshot
    scenario.putArray("hideInputs").add("setup").add("kernel-api");
    ArrayNode list = scenario.putArray("cells");
    for (NotebookCell c : cells) {
      list.addObject().put("id", c.id()).put("source", c.source());
    }
    Path in = work.resolve(label + ".scenario.json");
    Path out = work.resolve(label + ".result.json");
    Path log = work.resolve(label + ".driver.log");
    try {
      Files.writeString(in, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenario));
      Files.deleteIfExists(out);
      ProcessBuilder pb = new ProcessBuilder(System.getProperty("nbguard.e2e.node", "node"),
          "drive.mjs", "--scenario", in.toString(), "--out", out.toString())
          .directory(labAppDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Process p = pb.start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException("the UI driver did not finish within " + timeout
            + "; see " + log);
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
        throw new IllegalStateException("the UI driver failed (exit " + p.exitValue() + ") for "
            + label + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new UiRun(JSON.readTree(out.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** drive.mjs's result: per-cell observations, markers, dialogs, the reopened notebook's. */
  public record UiRun(JsonNode json) {
    public List<String> pwned() {
      return strings(json.path("pwned"));
    }

    public List<String> dialogs() {
      return strings(json.path("dialogs"));
    }

    public JsonNode output(String cellId) {
      return find(json.path("cells"), cellId);
    }

    public List<String> reopenedPwned() {
      return strings(json.path("reopen").path("pwned"));
    }

    public List<String> reopenedDialogs() {
      return strings(json.path("reopen").path("dialogs"));
    }

    public JsonNode reopenedOutput(String cellId) {
      return find(json.path("reopen").path("cells"), cellId);
    }

    public JsonNode timings() {
      return json.path("timings");
    }

    private static JsonNode find(JsonNode cells, String id) {
      for (JsonNode c : cells) {
        if (id.equals(c.path("id").asText())) {
          return c.path("output");
        }
      }
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> strings(JsonNode array) {
      List<String> out = new java.util.ArrayList<>();
      array.forEach(n -> out.add(n.asText()));
      return out;
    }
  }
}
