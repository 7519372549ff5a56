package dev.nbguard.e2e.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** `nbguard gateway`, started by the launcher, on a free loopback port with a fresh token. */
final class NbguardGateway implements AutoCloseable {
  private final ManagedProcess process;
  private final String url;
  private final String token;

  private NbguardGateway(ManagedProcess process, String url, String token) {
    this.process = process;
    this.url = url;
    this.token = token;
  }

  static NbguardGateway start(Path jar, Path work, String label) {
    try {
      Path runtime = Files.createDirectories(work.resolve(label + "-nbguard-runtime"));
      int port = ManagedProcess.freePort();
      String token = "nbg-" + UUID.randomUUID();
      Map<String, String> env = new HashMap<>(NbguardLauncher.env());
      env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
      ManagedProcess p = ManagedProcess.start("nbguard gateway",
          NbguardLauncher.command(jar, "gateway", "--ip=127.0.0.1", "--port=" + port,
              "--token=" + token, "--runtime-dir=" + runtime),
          env, work,
          work.resolve(label + "-nbguard.log"));
      String url = "http://127.0.0.1:" + port;
      try {
        p.awaitReady(URI.create(url + "/api/kernelspecs?token=" + token), Duration.ofSeconds(60));
      } catch (RuntimeException e) {
        p.close();
        throw e;
      }
      return new NbguardGateway(p, url, token);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String url() {
    return url;
  }

  String token() {
    return token;
  }

  @Override
  public void close() {
    process.close();
  }
}
