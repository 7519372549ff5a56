package dev.nbguard.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seeded, bounded properties: round trips, and "garbage in, ProtocolException out". */
@Timeout(120)
class CodecPropertyTest {

  private static final int ITERATIONS = 2_000;
  private static final CodecLimits LIMITS = new CodecLimits(1 << 20, 64, 8);

  private final LegacyWsCodec legacy = new LegacyWsCodec(LIMITS);
  private final V1WsCodec v1 = new V1WsCodec(LIMITS);

  @Test
  void everyFormatRoundTripsRandomMessages() {
    Random random = new Random(20261125L);
    RandomMessages gen = new RandomMessages(random);
    for (int i = 0; i < ITERATIONS; i++) {
      JupyterMessage m = gen.message(false);
      String at = "iteration " + i + ": " + m;
      assertEquals(m, v1.decode(v1.encode(m)), at);
      assertEquals(m, legacy.decode(legacy.encode(m)), at);
      assertEquals(m.msgType(), legacy.decode(legacy.encode(m)).msgType(), at);

      ZmqWireCodec zmq = new ZmqWireCodec(gen.signer(), LIMITS);
      JupyterMessage routed = m.withIdentities(gen.identities());
      List<Bytes> frames = zmq.encode(routed);
      JupyterMessage back = zmq.decode(routed.channel(), frames);
      assertEquals(routed, back, at);
      assertEquals(frames, zmq.encode(back), at); // reuses the verified signature
    }
  }

  @Test
  void mutatedV1FramesOnlyEverFailWithProtocolException() {
    fuzz(31L, gen -> v1.encode(gen.message(false)).payload(),
        bytes -> v1.decode(WsFrame.binary(bytes)), 8);
  }

  @Test
  void mutatedLegacyBinaryFramesOnlyEverFailWithProtocolException() {
    fuzz(32L, gen -> {
      JupyterMessage m = gen.message(false);
      List<Bytes> buffers = new ArrayList<>(m.buffers());
      buffers.add(Bytes.utf8("always binary"));
      return legacy.encode(m.withBuffers(buffers)).payload();
    }, bytes -> legacy.decode(WsFrame.binary(bytes)), 4);
  }

  @Test
  void mutatedLegacyTextFramesOnlyEverFailWithProtocolException() {
    fuzz(33L, gen -> legacy.encode(gen.message(false).withBuffers(List.of())).payload(),
        bytes -> legacy.decode(WsFrame.text(bytes)), 4);
  }

  @Test
  void mutatedZmqFramesOnlyEverFailWithProtocolException() {
    Random random = new Random(34L);
    RandomMessages gen = new RandomMessages(random);
    ZmqWireCodec unsigned = new ZmqWireCodec(Signer.unsigned(), LIMITS);
    ZmqWireCodec signed = new ZmqWireCodec(Signer.of("k"), LIMITS);
    int decoded = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      JupyterMessage m = gen.message(true);
      ZmqWireCodec codec = random.nextBoolean() ? unsigned : signed;
      List<Bytes> frames = new ArrayList<>(codec.encode(m));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && !frames.isEmpty(); e++) {
        int at = random.nextInt(frames.size());
        switch (random.nextInt(5)) {
          case 0 -> frames.remove(at);
          case 1 -> frames.add(at, ZmqWireCodec.DELIMITER);
          case 2 -> frames.set(at, mutate(random, frames.get(at), 4));
          case 3 -> frames.add(at, Bytes.wrap(gen.bytes(random.nextInt(30))));
          default -> frames.set(at, Bytes.EMPTY);
        }
      }
      if (expectOnlyProtocolException(i, () -> codec.decode(Optional.empty(), frames))) {
        decoded++;
      }
    }
    assertTrue(decoded > 0, "some mutations must still decode, or the fuzzer proves little");
  }

  @Test
  void randomBytesNeverBreakTheDecoders() {
    Random random = new Random(35L);
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] junk = new byte[random.nextInt(200)];
      random.nextBytes(junk);
      Bytes b = Bytes.wrap(junk);
      expectOnlyProtocolException(i, () -> v1.decode(WsFrame.binary(b)));
      expectOnlyProtocolException(i, () -> legacy.decode(WsFrame.binary(b)));
      expectOnlyProtocolException(i, () -> legacy.decode(WsFrame.text(b)));
    }
  }

  private void fuzz(long seed, java.util.function.Function<RandomMessages, Bytes> make,
      java.util.function.Function<Bytes, JupyterMessage> decode, int intWidthHint) {
    Random random = new Random(seed);
    RandomMessages gen = new RandomMessages(random);
    int decoded = 0;
    int refused = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      Bytes mutated = mutate(random, make.apply(gen), intWidthHint);
      if (expectOnlyProtocolException(i, () -> decode.apply(mutated))) {
        decoded++;
      } else {
        refused++;
      }
    }
    assertTrue(decoded > 0 && refused > 0, decoded + " decoded, " + refused + " refused");
  }

  /**
   * Runs {@code decode}; on success also reads the header and re-encodes in both formats.
   * Returns whether it decoded; fails the test on anything but a ProtocolException.
   */
  private boolean expectOnlyProtocolException(int iteration, Supplier<JupyterMessage> decode) {
    JupyterMessage m;
    try {
      m = decode.get();
    } catch (ProtocolException expected) {
      return false;
    } catch (RuntimeException | Error e) {
      fail("iteration " + iteration + ": " + e, e);
      return false;
    }
    try {
      m.header();
      m.parentHeader();
      JupyterMessage routed = m.channel().isPresent() ? m : m.withChannel(Channel.IOPUB);
      legacy.encode(routed);
      v1.encode(routed);
    } catch (ProtocolException expected) {
      // a part is not valid JSON: refused at use, as it should be
    } catch (RuntimeException | Error e) {
      fail("iteration " + iteration + " (after decoding): " + e, e);
    }
    return true;
  }

  private static Bytes mutate(Random random, Bytes original, int intWidth) {
    byte[] b = original.toArray();
    switch (random.nextInt(6)) {
      case 0 -> { // flip a few bytes
        for (int n = 1 + random.nextInt(4); n > 0 && b.length > 0; n--) {
          b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return Bytes.wrap(b);
      }
      case 1 -> { // truncate
        return Bytes.wrap(java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length)));
      }
      case 2 -> { // overwrite an aligned count or offset with an extreme value
        if (b.length >= 8) {
          int slot = random.nextInt(Math.min(b.length / 8, 12));
          long[] extremes = {0, 1, 5, 6, -1, Long.MAX_VALUE, Integer.MAX_VALUE, 0xFFFFFFFFL,
              b.length, b.length + 1, random.nextInt(b.length + 1)};
          long v = extremes[random.nextInt(extremes.length)];
          ByteBuffer buf = ByteBuffer.wrap(b).order(
              intWidth == 8 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
          if (intWidth == 8) {
            buf.putLong(slot * 8, v);
          } else {
            buf.putInt(slot * 4, (int) v);
          }
        }
        return Bytes.wrap(b);
      }
      case 3 -> { // insert junk
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        byte[] junk = new byte[1 + random.nextInt(8)];
        random.nextBytes(junk);
        byte[] out = new byte[b.length + junk.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(b, at, out, at + junk.length, b.length - at);
        return Bytes.wrap(out);
      }
      case 4 -> { // replace a byte with a JSON-structural character
        if (b.length > 0) {
          b[random.nextInt(b.length)] = (byte) "{}[]\",:\\".charAt(random.nextInt(8));
        }
        return Bytes.wrap(b);
      }
      default -> {
        return Bytes.wrap(b); // unchanged: must decode
      }
    }
  }
}
