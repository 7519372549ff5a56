package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code nbguard lab} with the Jupyter installed here: it starts, its one URL answers, a kernel
 * runs, and stopping it (in-process, and by SIGTERM to the command) leaves no process behind.
 */
@Timeout(180)
class LabSessionTest {

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static JupyterFlavor.Found jupyter() {
    Optional<JupyterFlavor.Found> found = JupyterFlavor.find(System.getenv("PATH"));
    Assumptions.assumeTrue(found.isPresent(), "no Jupyter installed");
    return found.get();
  }

  private static Path dir(String tag) throws Exception {
    Path d = Path.of("target", "lab-test-" + tag).toAbsolutePath();
    return Files.createDirectories(d);
  }

  private String startKernel(String origin, String token) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin
        + "/api/kernels")).header("Authorization", "token " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return r.body();
  }

  private static void assertAllGone(List<ProcessHandle> processes) throws Exception {
    for (ProcessHandle h : processes) {
      try {
        h.onExit().get(15, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        // reported below
      }
      assertFalse(h.isAlive(), "left running: " + h.pid() + " " + h.info().commandLine());
    }
  }

  @Test
  void startsServesAKernelThroughTheProxyAndStopsEverything() throws Exception {
    Path d = dir("session");
    List<ProcessHandle> started = new ArrayList<>();
    try (LabSession lab = LabSession.start(new LabSession.Options(jupyter(),
        Files.createDirectories(d.resolve("root")), d.resolve("jupyter.log"), "127.0.0.1", 0,
        false, Duration.ofSeconds(60)), OutputPolicy.preset(Preset.DEFAULT),
        AuditLog.NO_AUDIT)) {
      assertTrue(lab.url().startsWith(lab.proxy().origin() + lab.flavor().landingPath()
          + "?token="), lab.url());
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(lab.url()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().contains("<html"), page.body());
      startKernel(lab.proxy().origin(), lab.upstream().token());
      ProcessHandle server = ProcessHandle.of(lab.upstream().pid()).orElseThrow();
      started.add(server);
      started.addAll(server.descendants().toList());
      assertTrue(started.size() >= 2, "a kernel process runs under Jupyter: " + started);
    }
    assertAllGone(started);
  }

  @Test
  void classicNotebookUpstreamAnswersAV1OfferWithLegacyAndItsOutputIsFiltered()
      throws Exception {
    Path notebook = Path.of("/usr/bin/jupyter-notebook");
    Assumptions.assumeTrue(Files.isExecutable(notebook), "no classic Notebook");
    Path d = dir("classic");
    try (LabSession lab = LabSession.start(new LabSession.Options(
        new JupyterFlavor.Found(JupyterFlavor.NOTEBOOK, notebook),
        Files.createDirectories(d.resolve("root")), d.resolve("jupyter.log"), "127.0.0.1", 0,
        false, Duration.ofSeconds(60)), OutputPolicy.preset(Preset.DEFAULT),
        AuditLog.NO_AUDIT)) {
      String token = lab.upstream().token();
      String id = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(startKernel(lab.proxy().origin(), token)).get("id").asText();
      try (KernelSession k = KernelSession.connect(http, lab.proxy().origin(), token, id,
          true)) {
        assertEquals("", k.subprotocol(), "Notebook 6.4 has no v1: legacy for the browser too");
        String msg = k.execute("from IPython.display import HTML, display; "
            + "display(HTML('<img src=x onerror=alert(1)><b>bold</b>'))");
        String html = k.await(msg, "display_data").content().path("data").path("text/html")
            .asText();
        assertFalse(html.contains("onerror"), html);
        assertTrue(html.contains("<b>bold</b>"), html);
      }
    }
  }

  @Test
  void theCommandPrintsOneUrlAndSigtermLeavesNoProcesses() throws Exception {
    jupyter();
    Path d = dir("command");
    Path root = Files.createDirectories(d.resolve("root"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process nbguard = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.nbguard.cli.Main", "lab", "--port", "0", "--root-dir", root.toString(),
        "--jupyter-log", d.resolve("jupyter.log").toString())
        .redirectError(d.resolve("nbguard.err").toFile())
        .start();
    List<ProcessHandle> started = new ArrayList<>();
    try {
      String url = readUrl(nbguard);
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      Matcher m = Pattern.compile("(http://[^/]+)/.*token=([0-9a-f]+)").matcher(url);
      assertTrue(m.matches(), url);
      startKernel(m.group(1), m.group(2));
      started.addAll(nbguard.descendants().toList());
      assertTrue(started.size() >= 2, "Jupyter and a kernel: " + started);
      nbguard.destroy(); // SIGTERM, as from a service manager; Ctrl-C runs the same hook
      assertTrue(nbguard.waitFor(60, TimeUnit.SECONDS), "nbguard lab did not stop");
      assertAllGone(started);
    } finally {
      nbguard.descendants().forEach(ProcessHandle::destroyForcibly);
      nbguard.destroyForcibly();
    }
  }

  @Test
  void jupyterAndItsKernelsStopEvenWhenNbguardIsKilled() throws Exception {
    jupyter();
    Path d = dir("killed");
    Path root = Files.createDirectories(d.resolve("root"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process nbguard = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.nbguard.cli.Main", "lab", "--port", "0", "--root-dir", root.toString(),
        "--jupyter-log", d.resolve("jupyter.log").toString())
        .redirectError(d.resolve("nbguard.err").toFile())
        .start();
    List<ProcessHandle> started = new ArrayList<>();
    try {
      Matcher m = Pattern.compile("(http://[^/]+)/.*token=([0-9a-f]+)").matcher(readUrl(nbguard));
      assertTrue(m.matches());
      startKernel(m.group(1), m.group(2));
      started.addAll(nbguard.descendants().toList());
      nbguard.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(nbguard.waitFor(30, TimeUnit.SECONDS));
      assertAllGone(started);
    } finally {
      started.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static String readUrl(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.trim().startsWith("http://")) {
        return line.trim();
      }
    }
    throw new AssertionError("no URL printed; output was:\n" + seen);
  }
}
