package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SignerTest {

  private static final Bytes E = Bytes.utf8("{}");

  @Test
  void matchesPythonHmacForEverySchemeInTheKnownAnswers() {
    JsonNode cases = Fixture.readJson("/protocol/hmac-kat.json").get("cases");
    assertTrue(cases.size() >= 10);
    for (JsonNode c : cases) {
      Signer s = Signer.of(Fixture.b64(c.get("key_b64")).toArray(), c.get("scheme").asText());
      List<Bytes> p = new ArrayList<>();
      c.get("parts_b64").forEach(x -> p.add(Fixture.b64(x)));
      Bytes sig = s.sign(p.get(0), p.get(1), p.get(2), p.get(3));
      assertEquals(c.get("hex").asText(), sig.toUtf8String(), c.get("scheme").asText());
      assertTrue(s.verify(sig, p.get(0), p.get(1), p.get(2), p.get(3)));
    }
  }

  @Test
  void signsOverTheConcatenationOfTheFourParts() {
    Signer s = Signer.of("key");
    Bytes whole = s.sign(Bytes.utf8("{\"a\":1}"), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    assertEquals(whole, s.sign(Bytes.utf8("{\"a\""), Bytes.utf8(":1"), Bytes.EMPTY,
        Bytes.utf8("}")));
  }

  @Test
  void rejectsAWrongOrUppercaseOrTruncatedSignature() {
    Signer s = Signer.of("key");
    Bytes good = s.sign(E, E, E, E);
    assertFalse(s.verify(Bytes.utf8(good.toUtf8String().toUpperCase()), E, E, E, E));
    assertFalse(s.verify(good.slice(0, good.length() - 1), E, E, E, E));
    assertFalse(s.verify(Bytes.EMPTY, E, E, E, E));
    assertFalse(Signer.of("other").verify(good, E, E, E, E));
  }

  @Test
  void emptyKeySignsNothingAndVerifiesEverything() {
    Signer s = Signer.unsigned();
    assertFalse(s.isSigning());
    assertEquals(Bytes.EMPTY, s.sign(E, E, E, E));
    assertTrue(s.verify(Bytes.utf8("garbage"), E, E, E, E));
  }

  @Test
  void refusesSchemesJupyterClientWouldRefuse() {
    assertThrows(IllegalArgumentException.class, () -> Signer.of(new byte[] {1}, "sha256"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Signer.of(new byte[] {1}, "hmac-blake2b"));
    assertTrue(e.getMessage().contains("hmac-sha256"), e.getMessage());
  }

  @Test
  void comparesKeysNotInstances() {
    assertTrue(Signer.of("a").sameKeyAs(Signer.of("a")));
    assertFalse(Signer.of("a").sameKeyAs(Signer.of("b")));
    assertFalse(Signer.of("a".getBytes(), "hmac-sha256")
        .sameKeyAs(Signer.of("a".getBytes(), "hmac-sha512")));
  }

  @Test
  void keepsItsOwnCopyOfTheKey() {
    byte[] key = "secret".getBytes();
    Signer s = Signer.of(key, "hmac-sha256");
    Bytes before = s.sign(E, E, E, E);
    key[0] = 'X';
    assertEquals(before, s.sign(E, E, E, E));
  }

  @Test
  @Timeout(30)
  void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
    Signer s = Signer.of("shared");
    Bytes expected = s.sign(Bytes.utf8("{\"n\":1}"), E, E, E);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            Bytes other = s.sign(Bytes.utf8("{\"n\":" + i + "}"), E, E, E);
            if (i == 1 ? !other.equals(expected) : other.equals(expected)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertTrue(r.get(20, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
