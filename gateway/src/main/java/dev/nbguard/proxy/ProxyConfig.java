package dev.nbguard.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the proxy needs, checked once.
 *
 * @param upstream the Jupyter server to forward to
 * @param ip the address to listen on
 * @param port the port to listen on (0: any free one)
 * @param upstreamTimeout how long the upstream may stay silent (no answer head, no body bytes)
 *     before the request fails with 504
 * @param maxContentsBytes largest notebook contents answer the proxy will buffer to sanitize;
 *     a larger one is refused with 502 (never passed raw)
 */
public record ProxyConfig(Upstream upstream, String ip, int port, Duration upstreamTimeout,
    int maxContentsBytes) {

  /** 127.0.0.1. */
  public static final String DEFAULT_IP = "127.0.0.1";
  /** 8890: next to Jupyter's 8888 and the gateway's 8889. */
  public static final int DEFAULT_PORT = 8890;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_MAX_CONTENTS = 512 << 20;

  public ProxyConfig {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (upstreamTimeout.isNegative() || upstreamTimeout.isZero()) {
      throw new IllegalArgumentException("upstream timeout must be positive: " + upstreamTimeout);
    }
    if (maxContentsBytes < 1) {
      throw new IllegalArgumentException("maxContentsBytes must be positive");
    }
  }

  /** Defaults for everything but the upstream. */
  public static ProxyConfig of(Upstream upstream) {
    return new ProxyConfig(upstream, DEFAULT_IP, DEFAULT_PORT, DEFAULT_TIMEOUT,
        DEFAULT_MAX_CONTENTS);
  }

  public ProxyConfig withListen(String newIp, int newPort) {
    return new ProxyConfig(upstream, newIp, newPort, upstreamTimeout, maxContentsBytes);
  }

  public ProxyConfig withUpstreamTimeout(Duration timeout) {
    return new ProxyConfig(upstream, ip, port, timeout, maxContentsBytes);
  }

  /**
   * Whether {@code ip} is a loopback address (names are resolved; a name that does not resolve
   * is not loopback).
   */
  public static boolean isLoopback(String ip) {
    try {
      for (InetAddress a : InetAddress.getAllByName(ip)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
