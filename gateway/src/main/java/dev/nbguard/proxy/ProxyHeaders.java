package dev.nbguard.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the proxy. End-to-end headers pass unchanged, {@code Host} included (Jupyter
 * Server compares {@code Origin} with {@code Host} and builds redirects from it, so keeping the
 * browser's {@code Host} makes both work as if there were no proxy). Hop-by-hop headers (RFC 9110
 * 7.6.1, plus every header {@code Connection} names) stay on their hop.
 */
final class ProxyHeaders {

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive",
      "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
      "transfer-encoding", "upgrade");

  /** The WebSocket handshake headers, which the proxy negotiates on each side itself. */
  private static final Set<String> HANDSHAKE = Set.of("sec-websocket-key",
      "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-protocol",
      "sec-websocket-accept", "content-length");

  private ProxyHeaders() {}

  /**
   * The request headers to send upstream. {@code Expect} is answered by the proxy itself;
   * {@code Accept-Encoding} is dropped when the answer may have to be read ({@code identity}).
   */
  static MultiMap request(MultiMap in, boolean mayInspectAnswer) {
    MultiMap out = copyEndToEnd(in, Set.of("expect", "host"));
    if (mayInspectAnswer) {
      out.remove("Accept-Encoding");
    }
    return out;
  }

  /** The browser's handshake headers to send upstream (Origin, cookies, auth…). */
  static MultiMap webSocketRequest(MultiMap in) {
    return copyEndToEnd(in, HANDSHAKE);
  }

  /**
   * The answer headers to send to the browser. A {@code Location} that points at the upstream's
   * own origin is rewritten to the proxy's ({@code proxyOrigin}).
   */
  static MultiMap response(MultiMap in, String upstreamOrigin, String proxyOrigin) {
    MultiMap out = copyEndToEnd(in, Set.of());
    String location = out.get("Location");
    if (location != null && location.startsWith(upstreamOrigin)
        && (location.length() == upstreamOrigin.length()
            || "/?#".indexOf(location.charAt(upstreamOrigin.length())) >= 0)) {
      out.set("Location", proxyOrigin + location.substring(upstreamOrigin.length()));
    }
    return out;
  }

  private static MultiMap copyEndToEnd(MultiMap in, Set<String> alsoDrop) {
    Set<String> named = connectionTokens(in);
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (var e : in) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !alsoDrop.contains(name)) {
        out.add(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static Set<String> connectionTokens(MultiMap in) {
    java.util.HashSet<String> names = new java.util.HashSet<>();
    for (String value : in.getAll("Connection")) {
      for (String token : value.split(",")) {
        String t = token.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          names.add(t);
        }
      }
    }
    return names;
  }
}
