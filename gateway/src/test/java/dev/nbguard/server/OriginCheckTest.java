package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginCheckTest {

  private final OriginCheck none = new OriginCheck(List.of());

  @Test
  void allowsClientsThatSendNoOrigin() {
    assertTrue(none.allows(Optional.empty(), Optional.of("127.0.0.1:8889")));
  }

  @Test
  void allowsTheRequestsOwnHostOnly() {
    assertTrue(none.allows(Optional.of("http://127.0.0.1:8889"), Optional.of("127.0.0.1:8889")));
    assertTrue(none.allows(Optional.of("http://Example.org"), Optional.of("example.org")));
    assertTrue(none.allows(Optional.of("https://example.org"), Optional.of("example.org:443")));
    assertFalse(none.allows(Optional.of("http://127.0.0.1:9999"),
        Optional.of("127.0.0.1:8889")));
    assertFalse(none.allows(Optional.of("http://evil.example"), Optional.of("127.0.0.1:8889")));
    assertFalse(none.allows(Optional.of("null"), Optional.of("127.0.0.1:8889")));
    assertFalse(none.allows(Optional.of("http://127.0.0.1:8889"), Optional.empty()));
  }

  @Test
  void allowsListedOriginsAndAWildcard() {
    OriginCheck listed = new OriginCheck(List.of("https://lab.example/"));
    assertTrue(listed.allows(Optional.of("https://lab.example"), Optional.of("gw:8889")));
    assertFalse(listed.allows(Optional.of("https://other.example"), Optional.of("gw:8889")));
    assertTrue(new OriginCheck(List.of("*"))
        .allows(Optional.of("https://other.example"), Optional.of("gw:8889")));
  }
}
