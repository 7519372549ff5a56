package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

  private static MultiMap of(String... kv) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.add(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void requestDropsHopByHopAndConnectionNamedHeadersButKeepsTheRest() {
    MultiMap out = ProxyHeaders.request(of("Connection", "keep-alive, X-Hop",
        "Keep-Alive", "timeout=5", "X-Hop", "1", "Transfer-Encoding", "chunked",
        "Expect", "100-continue", "Host", "h:1", "Cookie", "a=b", "Accept-Encoding", "gzip",
        "X-XSRFToken", "t"), false);
    assertEquals("a=b", out.get("Cookie"));
    assertEquals("t", out.get("X-XSRFToken"));
    assertEquals("gzip", out.get("Accept-Encoding"));
    for (String gone : new String[] {"Connection", "Keep-Alive", "X-Hop", "Transfer-Encoding",
        "Expect", "Host"}) {
      assertFalse(out.contains(gone), gone);
    }
  }

  @Test
  void answersThatMustBeReadAreAskedForUnencoded() {
    assertNull(ProxyHeaders.request(of("Accept-Encoding", "gzip"), true).get("Accept-Encoding"));
  }

  @Test
  void webSocketHandshakeHeadersAreNegotiatedPerSideButOriginAndCookiesPass() {
    MultiMap out = ProxyHeaders.webSocketRequest(of("Sec-WebSocket-Key", "k",
        "Sec-WebSocket-Protocol", "v1", "Sec-WebSocket-Extensions", "permessage-deflate",
        "Upgrade", "websocket", "Origin", "http://o", "Cookie", "c=d", "Host", "h:1"));
    assertEquals("http://o", out.get("Origin"));
    assertEquals("c=d", out.get("Cookie"));
    assertEquals("h:1", out.get("Host"));
    assertEquals(3, out.size());
  }

  @Test
  void locationOnTheUpstreamOriginIsRewrittenOthersAreNot() {
    String up = "http://127.0.0.1:8888";
    String me = "http://127.0.0.1:8890";
    assertEquals(me + "/tree", ProxyHeaders.response(of("Location", up + "/tree"), up, me)
        .get("Location"));
    assertEquals(me, ProxyHeaders.response(of("Location", up), up, me).get("Location"));
    assertEquals("/login?next=%2F", ProxyHeaders.response(of("Location", "/login?next=%2F"),
        up, me).get("Location"));
    assertEquals(up + "0/x", ProxyHeaders.response(of("Location", up + "0/x"), up, me)
        .get("Location"));
  }
}
