package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyPathsTest {

  @Test
  void kernelChannelsAreFoundUnderAnyBaseUrl() {
    assertEquals(Optional.of("abc"), ProxyPaths.channelsKernel("/api/kernels/abc/channels"));
    assertEquals(Optional.of("abc"),
        ProxyPaths.channelsKernel("/user/me/api/kernels/abc/channels"));
    assertEquals(Optional.empty(), ProxyPaths.channelsKernel("/terminals/websocket/1"));
    assertEquals(Optional.empty(), ProxyPaths.channelsKernel("/api/kernels/abc"));
  }

  @Test
  void contentsAndNbconvertPathsAreRecognised() {
    assertTrue(ProxyPaths.isContents("/api/contents"));
    assertTrue(ProxyPaths.isContents("/user/x/api/contents/a/b.ipynb"));
    assertFalse(ProxyPaths.isContents("/api/contentsx"));
    assertTrue(ContentsRewriter.mayApply("GET", "/api/contents/a.ipynb"));
    assertFalse(ContentsRewriter.mayApply("PUT", "/api/contents/a.ipynb"));
    assertTrue(ProxyPaths.isNbconvert("/nbconvert/html/a.ipynb"));
  }

  @Test
  void kernelDeletionAndRestartAreRecognised() {
    assertEquals(Optional.of("k"), ProxyPaths.kernelReset("DELETE", "/api/kernels/k"));
    assertEquals(Optional.of("k"), ProxyPaths.kernelReset("POST", "/api/kernels/k/restart"));
    assertEquals(Optional.empty(), ProxyPaths.kernelReset("POST", "/api/kernels/k/interrupt"));
    assertEquals(Optional.empty(), ProxyPaths.kernelReset("GET", "/api/kernels/k"));
  }

  @Test
  void upstreamUrlsAreCheckedWithClearMessages() {
    assertEquals(new Upstream(false, "127.0.0.1", 8888), Upstream.parse("http://127.0.0.1:8888/"));
    assertEquals(new Upstream(true, "::1", 443), Upstream.parse("https://[::1]"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Upstream.parse("ftp://x")).getMessage().contains("http://"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Upstream.parse("http://h:1/base/")).getMessage().contains("path"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Upstream.parse("http://h:1/?token=x")).getMessage().contains("query"));
  }

  @Test
  void loopbackIsTold() {
    assertTrue(ProxyConfig.isLoopback("127.0.0.1"));
    assertTrue(ProxyConfig.isLoopback("::1"));
    assertFalse(ProxyConfig.isLoopback("0.0.0.0"));
  }

  @Test
  void closeCodesThatMustNotBeSentAreMapped() {
    assertEquals(1000, WsPump.closeCodeToSend(null));
    assertEquals(1000, WsPump.closeCodeToSend((short) 1005));
    assertEquals(1001, WsPump.closeCodeToSend((short) 1006));
    assertEquals(4001, WsPump.closeCodeToSend((short) 4001));
  }
}
