package dev.nbguard.e2e.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The page-load benchmark (not part of ./run-tests: failsafe runs *IT classes only):
 *
 * <pre>mvn -B -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=PageLoadBenchmark [-Dnbguard.bench.rounds=15]</pre>
 *
 * Starts the lab app's deployments side by side (direct, gateway, proxy), opens the same
 * notebook with stored outputs through each in turn (lab-app/bench.mjs, one browser) and writes
 * the medians to target/bench/pageload.md. The proxy's own Jupyter server is opened directly
 * too ("proxy upstream"), in the same rounds: proxy against its upstream compares one server
 * process with and without nbguard, free of the differences between server processes (which
 * show as the gateway's page load, a page nbguard does not touch, straying from direct's). That
 * comparison is reported as the median of per-round ratios (each round opens both).
 */
class PageLoadBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOTEBOOK = "pageload.ipynb";
  private static final String[] METRICS = {"loadMs", "firstOutputMs", "readyMs", "execMs"};
  private static final String BYPASS = " upstream";

  @Test
  void pageLoadThroughNbguardVersusDirect() throws Exception {
    Assumptions.assumeTrue(NotebookUi.jupyterInstalled(), "Debian's jupyter is not installed");
    Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path out = Path.of(System.getProperty("nbguard.e2e.out", module.resolve("target").toString()));
    Path labApp = Path.of(
        System.getProperty("nbguard.e2e.labapp", module.resolve("lab-app").toString()));
    UiDriver driver = new UiDriver(labApp, java.time.Duration.ofMinutes(30));
    driver.checkBuilt();
    Path work = Files.createDirectories(out.resolve("bench/pageload"));
    int rounds = Integer.getInteger("nbguard.bench.rounds", 25);

    List<Deployment> deployments = List.of(new DirectDeployment(), new GatewayDeployment(),
        new ProxyDeployment());
    List<Deployment.Running> running = new ArrayList<>();
    ArrayNode targets = JSON.createArrayNode();
    try {
      for (Deployment d : deployments) {
        Path dir = Files.createDirectories(work.resolve(d.name()));
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        try (InputStream in = getClass().getResourceAsStream("/notebook-ui/" + NOTEBOOK)) {
          Files.write(notebooks.resolve(NOTEBOOK), in.readAllBytes());
        }
        Deployment.DeploymentContext ctx = NotebookUiIT.context(notebooks, dir, driver);
        Deployment.Running r = d.start(NotebookUi.LAB, ctx);
        running.add(r);
        targets.addObject().put("name", d.name()).put("base", r.base()).put("token", r.token())
            .put("notebook", NOTEBOOK);
        r.bypassBase().ifPresent(b -> targets.addObject().put("name", d.name() + BYPASS)
            .put("base", b).put("token", r.token()).put("notebook", NOTEBOOK));
      }
      Path targetsFile = work.resolve("targets.json");
      Path result = work.resolve("result.json");
      Files.writeString(targetsFile, JSON.writeValueAsString(targets));
      Process p = new ProcessBuilder(System.getProperty("nbguard.e2e.node", "node"), "bench.mjs",
          "--targets", targetsFile.toString(), "--out", result.toString(),
          "--rounds", Integer.toString(rounds))
          .directory(labApp.toFile()).redirectErrorStream(true)
          .redirectOutput(work.resolve("bench.log").toFile()).start();
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(
            "bench.mjs failed: " + Files.readString(work.resolve("bench.log")));
      }
      String report = report(JSON.readTree(result.toFile()), targets, rounds);
      Files.writeString(work.resolve("pageload.md"), report, StandardCharsets.UTF_8);
      Files.writeString(out.resolve("bench/pageload.md"), report, StandardCharsets.UTF_8);
      System.out.println(report);
    } finally {
      for (Deployment.Running r : running) {
        r.close();
      }
    }
  }

  private static String report(JsonNode result, ArrayNode targets, int rounds) {
    JsonNode medians = result.path("medians");
    JsonNode direct = medians.path("direct");
    StringBuilder sb = new StringBuilder();
    sb.append("Lab app page load, medians of ").append(rounds)
        .append(" cold opens each (interleaved, one browser), ms; in brackets vs direct\n\n");
    header(sb, "deployment");
    for (JsonNode t : targets) {
      String name = t.path("name").asText();
      JsonNode m = medians.path(name);
      sb.append("| ").append(name);
      for (String metric : METRICS) {
        double v = m.path(metric).asDouble();
        double base = direct.path(metric).asDouble();
        sb.append(" | ").append(String.format(Locale.ROOT, "%.0f", v));
        if (!name.equals("direct") && base > 0) {
          sb.append(String.format(Locale.ROOT, " (%+.1f%%)", 100 * (v - base) / base));
        }
      }
      sb.append(" |\n");
    }
    sb.append("\nThrough nbguard against the same Jupyter server opened directly: the median of the"
        + " per-round ratios (each round opens both)\n\n");
    header(sb, "comparison");
    for (JsonNode t : targets) {
      String name = t.path("name").asText();
      if (!name.endsWith(BYPASS)) {
        continue;
      }
      String guarded = name.substring(0, name.length() - BYPASS.length());
      sb.append("| ").append(guarded).append(" / ").append(name);
      for (String metric : METRICS) {
        sb.append(String.format(Locale.ROOT, " | %+.1f%%", 100 * (medianRatio(
            result.path("samples").path(guarded), result.path("samples").path(name), metric) - 1)));
      }
      sb.append(" |\n");
    }
    return sb.toString();
  }

  private static void header(StringBuilder sb, String first) {
    sb.append("| ").append(first)
        .append(" | page load | first stored output | kernel ready | run `21 * 2` |\n");
    sb.append("|---|---|---|---|---|\n");
  }

  /** The median over rounds of a[i] / b[i] (samples are in round order). */
  static double medianRatio(JsonNode a, JsonNode b, String metric) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      double under = b.get(i).path(metric).asDouble();
      if (under > 0) {
        ratios.add(a.get(i).path(metric).asDouble() / under);
      }
    }
    if (ratios.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(ratios);
    int n = ratios.size();
    return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
  }
}
