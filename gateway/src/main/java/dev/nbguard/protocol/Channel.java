package dev.nbguard.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The five kernel channels, by the names the wire protocols use. */
public enum Channel {
  SHELL("shell"),
  IOPUB("iopub"),
  STDIN("stdin"),
  CONTROL("control"),
  HB("hb");

  private final String wireName;
  private final byte[] wireBytes;

  Channel(String wireName) {
    this.wireName = wireName;
    this.wireBytes = wireName.getBytes(StandardCharsets.US_ASCII);
  }

  /** The name as it appears on the wire, e.g. {@code "iopub"}. */
  public String wireName() {
    return wireName;
  }

  /** The wire name as UTF-8 bytes (a fresh copy). */
  public byte[] wireBytes() {
    return wireBytes.clone();
  }

  Bytes wireNameBytes() {
    return Bytes.wrap(wireBytes);
  }

  /** The channel with this exact (case-sensitive) wire name, if any. */
  public static Optional<Channel> find(String wireName) {
    for (Channel c : values()) {
      if (c.wireName.equals(wireName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The channel with this exact wire name.
   *
   * @throws ProtocolException naming the unknown channel
   */
  public static Channel fromWireName(String wireName) {
    return find(wireName)
        .orElseThrow(() -> new ProtocolException("unknown channel " + quoted(wireName)));
  }

  /** Like {@link #fromWireName(String)}, for UTF-8 bytes (e.g. the first part of a v1 frame). */
  public static Channel fromWireName(Bytes utf8) {
    for (Channel c : values()) {
      if (utf8.contentEquals(c.wireBytes)) {
        return c;
      }
    }
    return fromWireName(utf8.toUtf8String());
  }

  private static String quoted(String s) {
    String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    StringBuilder b = new StringBuilder("\"");
    for (char ch : shown.toCharArray()) {
      b.append(ch < 0x20 || ch == 0x7f ? '?' : ch);
    }
    return b.append('"').append(" (expected one of ").append(Arrays.toString(names())).append(')')
        .toString();
  }

  private static String[] names() {
    Channel[] all = values();
    String[] out = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = all[i].wireName;
    }
    return out;
  }
}
