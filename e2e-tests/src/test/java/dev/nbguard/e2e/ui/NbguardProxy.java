package dev.nbguard.e2e.ui;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** `nbguard proxy --upstream URL` from the shaded jar, on a free loopback port. */
final class NbguardProxy implements AutoCloseable {
  private final ManagedProcess process;
  private final String base;

  private NbguardProxy(ManagedProcess process, String base) {
    this.process = process;
    this.base = base;
  }

  /** Starts the proxy in front of {@code upstream} and waits until it relays {@code readyPath}. */
  static NbguardProxy start(Path jar, Path work, String label, String upstream, String readyPath) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no nbguard jar at " + jar
          + " (build it: mvn -B -pl gateway -am package -DskipTests, or ./nbguard --help)");
    }
    int port = ManagedProcess.freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ManagedProcess p = ManagedProcess.start("nbguard proxy",
        List.of(java, "-jar", jar.toString(), "proxy", "--upstream=" + upstream,
            "--ip=127.0.0.1", "--port=" + port),
        Map.of(), work, work.resolve(label + "-nbguard.log"));
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
