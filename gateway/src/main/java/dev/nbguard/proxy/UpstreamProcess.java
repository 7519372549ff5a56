package dev.nbguard.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Jupyter server started for {@code nbguard lab}: loopback only, on a given port, with
 * a token passed in the environment (not on the command line, where {@code ps} shows it), in a
 * session of its own ({@code setsid}) so a terminal's Ctrl-C reaches nbguard alone and the whole
 * process group, kernels included, can be stopped together.
 *
 * <p>{@link #close()} asks Jupyter to shut down through its API (it stops its kernels), then
 * terminates whatever is left of the group and of the process tree, then kills.
 *
 * <p>Jupyter runs under a small {@code /bin/sh} watchdog whose standard input is a pipe from
 * this JVM: when the JVM goes away for any reason, SIGKILL included, the pipe closes and the
 * watchdog sends Jupyter SIGTERM (Jupyter then shuts its kernels down), then SIGKILL after 10 s.
 * The watchdog exits with Jupyter, so {@link #onExit()} is Jupyter's exit.
 */
public final class UpstreamProcess implements AutoCloseable {

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final String WATCHDOG = String.join("\n",
      "exec 3<&0", // background lists get /dev/null as stdin unless told otherwise
      "\"$@\" </dev/null 3<&- &",
      "j=$!",
      "(cat <&3 >/dev/null; kill -TERM \"$j\" 2>/dev/null; i=0;",
      " while kill -0 \"$j\" 2>/dev/null && [ $i -lt 20 ]; do sleep 0.5; i=$((i+1)); done;",
      " kill -KILL \"$j\" 2>/dev/null) &",
      "w=$!",
      "wait \"$j\"; s=$?",
      "kill \"$w\" 2>/dev/null",
      "exit $s");

  private final Process process;
  private final boolean ownGroup;
  private final int port;
  private final String token;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private UpstreamProcess(Process process, boolean ownGroup, int port, String token, Path log) {
    this.process = process;
    this.ownGroup = ownGroup;
    this.port = port;
    this.token = token;
    this.log = log;
  }

  /**
   * Starts {@code found} on 127.0.0.1:{@code port}, serving {@code rootDir}, logging to
   * {@code log}.
   */
  public static UpstreamProcess start(JupyterFlavor.Found found, int port, String token,
      Path rootDir, Path log, boolean allowRemoteHost) throws IOException {
    List<String> cmd = new ArrayList<>();
    boolean ownGroup = Files.isExecutable(SETSID);
    if (ownGroup) {
      cmd.add(SETSID.toString());
    }
    String app = found.flavor().appClass();
    cmd.addAll(List.of("/bin/sh", "-c", WATCHDOG, "nbguard-lab-watchdog"));
    cmd.addAll(List.of(found.executable().toString(), "--no-browser", "--ip=127.0.0.1",
        "--port=" + port, "--" + app + ".port_retries=0"));
    if (allowRemoteHost) {
      cmd.add("--" + app + ".allow_remote_access=True");
    }
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.add("--allow-root");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .directory(rootDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // stdin stays a pipe from this JVM: the watchdog's lifeline
    Map<String, String> env = pb.environment();
    env.put("JUPYTER_TOKEN", token);
    env.putIfAbsent("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    return new UpstreamProcess(pb.start(), ownGroup, port, token, log);
  }

  public int port() {
    return port;
  }

  public String token() {
    return token;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Resolves when the process has exited. */
  public java.util.concurrent.CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /**
   * Waits until {@code GET /api} answers 200.
   *
   * @throws IOException when the process exits first or {@code timeout} passes
   */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Jupyter exited with code " + process.exitValue() + "; see " + log);
      }
      try {
        if (send("GET", "/api").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IOException("Jupyter did not answer within " + timeout.toSeconds() + " s; see "
        + log);
  }

  private HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .header("Authorization", "token " + token)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  /** Stops Jupyter, its kernels and anything else it started; waits (bounded) for all of it. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    if (process.isAlive()) {
      try {
        send("POST", "/api/shutdown");
      } catch (IOException e) {
        // not answering: signals below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      waitFor(process.toHandle(), Duration.ofSeconds(10));
    }
    try {
      process.getOutputStream().close(); // the watchdog's lifeline: it stops too
    } catch (IOException e) {
      // gone already
    }
    signalAll(tree, false);
    for (ProcessHandle h : tree) {
      waitFor(h, Duration.ofSeconds(3));
    }
    signalAll(tree, true);
  }

  private void signalAll(List<ProcessHandle> tree, boolean kill) {
    if (ownGroup) {
      try {
        new ProcessBuilder("kill", kill ? "-KILL" : "-TERM", "--", "-" + process.pid())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start().waitFor(5, TimeUnit.SECONDS);
      } catch (IOException e) {
        // fall back to the handles
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (ProcessHandle h : tree) {
      if (h.isAlive()) {
        if (kill) {
          h.destroyForcibly();
        } else {
          h.destroy();
        }
      }
    }
    if (process.isAlive()) {
      if (kill) {
        process.destroyForcibly();
      } else {
        process.destroy();
      }
    }
  }

  private static void waitFor(ProcessHandle h, Duration d) {
    try {
      h.onExit().get(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // still alive or interrupted: the caller escalates
    }
  }
}
