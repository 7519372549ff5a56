package dev.nbguard.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a WebSocket upgrade may proceed given its {@code Origin}: no Origin (a
 * non-browser client such as Jupyter Server's GatewayClient) is allowed; a browser's Origin must
 * name the host the request was sent to, or be in the allowlist ({@code *} allows any).
 */
public final class OriginCheck {

  private final List<String> allowed;

  public OriginCheck(List<String> allowed) {
    this.allowed = allowed.stream().map(OriginCheck::normalize).toList();
  }

  public boolean allows(Optional<String> origin, Optional<String> host) {
    if (origin.isEmpty()) {
      return true;
    }
    String o = normalize(origin.get());
    if (allowed.contains("*") || allowed.contains(o)) {
      return true;
    }
    if (host.isEmpty()) {
      return false;
    }
    try {
      URI uri = new URI(o);
      if (uri.getHost() == null || uri.getScheme() == null) {
        return false;
      }
      int port = uri.getPort() >= 0 ? uri.getPort()
          : uri.getScheme().equals("https") ? 443 : 80;
      String originHost = uri.getHost() + ":" + port;
      String h = host.get().toLowerCase(Locale.ROOT);
      String hostWithPort = h.matches(".*:\\d+$") && !h.endsWith("]") ? h
          : h + ":" + port;
      return originHost.equals(hostWithPort);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String normalize(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
