package dev.nbguard.protocol;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generator of valid messages: unicode, escapes, nesting, empty dicts, buffers. */
final class RandomMessages {

  private static final String[] SAMPLES = {
    "", "a", "é", "✓", "😀", "<script>alert(1)</script>", "\"", "\\", "\n\t", "\u0001", "/",
    "<IDS|MSG>", "}{", "\",\"channel\":\"shell", "日本語", "\u2028", "text/html"
  };

  private final Random random;

  RandomMessages(Random random) {
    this.random = random;
  }

  JupyterMessage message(boolean withIdentities) {
    Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
    JupyterMessage m = JupyterMessage.of(channel, Bytes.utf8(header()), dictOrEmpty(),
        dictOrEmpty(), dictOrEmpty(), buffers());
    return withIdentities ? m.withIdentities(identities()) : m;
  }

  String header() {
    StringBuilder b = new StringBuilder("{");
    b.append(space()).append("\"msg_id\"").append(space()).append(':').append(space())
        .append(nonEmpty("id", 1 + random.nextInt(3)));
    b.append(',').append(space()).append("\"msg_type\":")
        .append(nonEmpty("t", 1 + random.nextInt(2)));
    if (random.nextBoolean()) {
      b.append(",\"session\":").append(string(1)).append(",\"date\":\"2026-11-25T21:00:00Z\"");
    }
    if (random.nextBoolean()) {
      b.append(",\"extra\":").append(value(2));
    }
    return b.append(space()).append('}').toString();
  }

  Bytes dictOrEmpty() {
    return Bytes.utf8(random.nextInt(4) == 0 ? "{}" : object(3));
  }

  String object(int depth) {
    int n = random.nextInt(5);
    StringBuilder b = new StringBuilder("{").append(space());
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',').append(space());
      }
      b.append(quote("k" + i + sample())).append(space()).append(':').append(space())
          .append(value(depth - 1));
    }
    return b.append(space()).append('}').toString();
  }

  String value(int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 6);
    return switch (kind) {
      case 0 -> string(1 + random.nextInt(4));
      case 1 -> Integer.toString(random.nextInt() >> random.nextInt(31));
      case 2 -> Double.toString(random.nextDouble() * 1e6);
      case 3 -> random.nextBoolean() ? "true" : "false";
      case 4 -> "null";
      case 5 -> escapedString();
      case 6 -> object(depth);
      default -> array(depth);
    };
  }

  String array(int depth) {
    int n = random.nextInt(4);
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i > 0 ? "," : "").append(space()).append(value(depth - 1));
    }
    return b.append(']').toString();
  }

  String string(int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      s.append(sample());
    }
    return quote(s.toString());
  }

  String nonEmpty(String prefix, int pieces) {
    StringBuilder s = new StringBuilder(prefix);
    for (int i = 0; i < pieces; i++) {
      s.append(sample());
    }
    return quote(s.toString());
  }

  /** A string written with \\uXXXX escapes, including a surrogate pair. */
  String escapedString() {
    return "\"\\u00e9\\ud83d\\ude00\\u0000" + (random.nextBoolean() ? "\\/" : "") + "\"";
  }

  List<Bytes> buffers() {
    int n = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0;
    List<Bytes> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Bytes.wrap(bytes(random.nextInt(4) == 0 ? 0 : random.nextInt(300))));
    }
    return out;
  }

  List<Bytes> identities() {
    int n = random.nextInt(4);
    List<Bytes> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Bytes.wrap(bytes(random.nextInt(20) + (random.nextInt(20) == 9 ? 1 : 0))));
    }
    out.removeIf(ZmqWireCodec.DELIMITER::equals);
    return out;
  }

  Signer signer() {
    String[] schemes = {"hmac-sha256", "hmac-sha1", "hmac-sha512", "hmac-sha384"};
    return Signer.of(bytes(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(64)),
        schemes[random.nextInt(schemes.length)]);
  }

  byte[] bytes(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  private String sample() {
    return SAMPLES[random.nextInt(SAMPLES.length)];
  }

  private String space() {
    return switch (random.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n  ";
      default -> "";
    };
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
