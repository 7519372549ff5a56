package dev.nbguard.proxy;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.filter.MessageFilter;
import dev.nbguard.sanitizer.OutputPolicy;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A proxy running on its own Vert.x instance, for the command line and tests. */
public final class RunningProxy implements AutoCloseable {

  private final Vertx vertx;
  private final ProxyServer server;
  private final MessageFilter filter;
  private final OutputPolicy policy;
  private volatile ContentsWarmup warmup;
  private volatile HttpRehearsal rehearsal;

  private RunningProxy(Vertx vertx, ProxyServer server, MessageFilter filter,
      OutputPolicy policy) {
    this.vertx = vertx;
    this.server = server;
    this.filter = filter;
    this.policy = policy;
  }

  /**
   * Starts a proxy (waits up to 30 s for it to listen).
   *
   * @throws IOException naming the address when it cannot listen (the Vert.x instance is
   *     closed again)
   */
  public static RunningProxy start(ProxyConfig config, OutputPolicy policy, AuditLog audit)
      throws IOException {
    Vertx vertx = Vertx.vertx();
    MessageFilter filter = new MessageFilter(policy, audit);
    ProxyServer server = new ProxyServer(config, filter, audit);
    try {
      vertx.deployVerticle(server).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      try {
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reporting the first failure
      }
      throw new IOException("cannot listen on " + config.ip() + ":" + config.port() + ": "
          + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
    }
    return new RunningProxy(vertx, server, filter, policy);
  }

  /**
   * Warms the proxy up in the background (a few seconds of CPU, see {@link ContentsWarmup} and
   * {@link HttpRehearsal}), so the first pages and notebooks opened are served at full speed;
   * {@link #close} stops it. For long-running proxies (the commands), not for tests.
   */
  public synchronized RunningProxy warmUpInBackground() {
    if (warmup == null) {
      warmup = ContentsWarmup.start(policy);
      rehearsal = new HttpRehearsal(vertx, policy, warmup.model());
      rehearsal.run(HttpRehearsal.ROUNDS, HttpRehearsal.BUDGET).onFailure(e -> System.getLogger(
          RunningProxy.class.getName()).log(System.Logger.Level.DEBUG, "no rehearsal: " + e));
    }
    return this;
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code http://ip:port} of the proxy. */
  public String origin() {
    String ip = server.proxyConfig().ip();
    String host = ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
    return "http://" + host + ":" + port();
  }

  /** The filter, for its counters. */
  public MessageFilter filter() {
    return filter;
  }

  @Override
  public void close() {
    ContentsWarmup w = warmup;
    if (w != null) {
      w.close();
    }
    HttpRehearsal r = rehearsal;
    if (r != null) {
      r.stop();
    }
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
  }
}
