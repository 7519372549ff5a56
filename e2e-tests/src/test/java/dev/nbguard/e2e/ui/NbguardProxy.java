package dev.nbguard.e2e.ui;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** `nbguard proxy --upstream URL`, started by the launcher, on a free loopback port. */
final class NbguardProxy implements AutoCloseable {
  private final ManagedProcess process;
  private final String base;

  private NbguardProxy(ManagedProcess process, String base) {
    this.process = process;
    this.base = base;
  }

  /** Starts the proxy in front of {@code upstream} and waits until it relays {@code readyPath}. */
  static NbguardProxy start(Path jar, Path work, String label, String upstream, String readyPath) {
    int port = ManagedProcess.freePort();
    ManagedProcess p = ManagedProcess.start("nbguard proxy",
        NbguardLauncher.command(jar, "proxy", "--upstream=" + upstream, "--ip=127.0.0.1",
            "--port=" + port),
        NbguardLauncher.env(), work, work.resolve(label + "-nbguard.log"));
    String base = "http://127.0.0.1:" + port + "/";
    try {
      p.awaitReady(URI.create(base + readyPath), Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return new NbguardProxy(p, base);
  }

  String base() {
    return base;
  }

  @Override
  public void close() {
    process.close();
  }
}
