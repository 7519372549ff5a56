package dev.nbguard.cli;

import dev.nbguard.proxy.ProxyConfig;
import dev.nbguard.proxy.Upstream;

/** The listen address rule of {@code proxy} and {@code lab}: loopback unless told otherwise. */
final class ListenCheck {
  private ListenCheck() {}

  static ProxyConfig config(Upstream upstream, String ip, int port, boolean allowRemote) {
    if (!allowRemote && !ProxyConfig.isLoopback(ip)) {
      throw new IllegalArgumentException("--ip " + ip + " is not a loopback address; the proxy"
          + " adds no authentication and no TLS of its own. Pass --allow-remote if Jupyter's"
          + " own token or password is meant to guard it on the network.");
    }
    return ProxyConfig.of(upstream).withListen(ip, port);
  }
}
