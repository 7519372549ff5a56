package dev.nbguard.proxy;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.sanitizer.OutputPolicy;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@code nbguard lab}: a private Jupyter server on a free loopback port with a random token, and
 * the proxy in front of it. {@link #close()} stops the proxy, then Jupyter and its kernels.
 */
public final class LabSession implements AutoCloseable {

  private final JupyterFlavor flavor;
  private final UpstreamProcess upstream;
  private final RunningProxy proxy;

  private LabSession(JupyterFlavor flavor, UpstreamProcess upstream, RunningProxy proxy) {
    this.flavor = flavor;
    this.upstream = upstream;
    this.proxy = proxy;
  }

  /**
   * What to start.
   *
   * @param listen the proxy's address and port (its upstream is filled in here)
   * @param allowRemoteHost whether the proxy listens beyond loopback (Jupyter must then accept
   *     the browser's non-local Host header, which the proxy passes on)
   */
  public record Options(JupyterFlavor.Found jupyter, Path rootDir, Path log, String ip, int port,
      boolean allowRemoteHost, Duration startTimeout) {}

  /** Starts Jupyter, waits until it answers, then starts the proxy. */
  public static LabSession start(Options o, OutputPolicy policy, AuditLog audit)
      throws Exception {
    String token = HexFormat.of().formatHex(randomBytes(24));
    UpstreamProcess up = UpstreamProcess.start(o.jupyter(), freePort(), token, o.rootDir(),
        o.log(), o.allowRemoteHost());
    try {
      up.awaitReady(o.startTimeout());
      ProxyConfig config = ProxyConfig.of(new Upstream(false, "127.0.0.1", up.port()))
          .withListen(o.ip(), o.port());
      return new LabSession(o.jupyter().flavor(), up, RunningProxy.start(config, policy, audit)
          .warmUpInBackground());
    } catch (Exception e) {
      up.close();
      throw e;
    }
  }

  public JupyterFlavor flavor() {
    return flavor;
  }

  public UpstreamProcess upstream() {
    return upstream;
  }

  public RunningProxy proxy() {
    return proxy;
  }

  /** The one URL to open: the proxy, the UI's landing page, the token. */
  public String url() {
    return proxy.origin() + flavor.landingPath() + "?token=" + upstream.token();
  }

  @Override
  public void close() {
    try {
      proxy.close();
    } finally {
      upstream.close();
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A fresh log file for Jupyter's output (it prints its own, unguarded URL: keep it aside). */
  public static Path newLogFile() throws IOException {
    return Files.createTempFile("nbguard-lab-jupyter-", ".log");
  }
}
