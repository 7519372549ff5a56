package dev.nbguard.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable run of bytes: a message part, a buffer, an identity or a whole frame.
 *
 * <p>Slicing never copies, so a decoded frame's parts share the frame's array. Nothing outside
 * this package can write to that array: {@link #wrap(byte[])} is the one place where a caller
 * hands an array over, and it must not touch it afterwards; {@link #copyOf(byte[])} is the safe
 * alternative. Equality is by content.
 */
public final class Bytes {

  /** The empty run. */
  public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

  private final byte[] array;
  private final int offset;
  private final int length;

  private Bytes(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  /**
   * Adopts {@code array} without copying. The caller gives up the array: writing to it later
   * would change this value (use {@link #copyOf(byte[])} when that cannot be promised).
   */
  public static Bytes wrap(byte[] array) {
    return new Bytes(Objects.requireNonNull(array, "array"), 0, array.length);
  }

  /** Adopts {@code array[offset, offset+length)} without copying; see {@link #wrap(byte[])}. */
  public static Bytes wrap(byte[] array, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(array, "array").length);
    return new Bytes(array, offset, length);
  }

  /** A private copy of {@code array}. */
  public static Bytes copyOf(byte[] array) {
    return wrap(array.clone());
  }

  /** A private copy of the remaining bytes of {@code buffer} (its position is not moved). */
  public static Bytes copyOf(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return wrap(out);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static Bytes utf8(String text) {
    return wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  public int length() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /** The byte at {@code index} (0-based within this run). */
  public byte byteAt(int index) {
    Objects.checkIndex(index, length);
    return array[offset + index];
  }

  /** The bytes {@code [from, to)} of this run, sharing storage. */
  public Bytes slice(int from, int to) {
    Objects.checkFromToIndex(from, to, length);
    if (from == 0 && to == length) {
      return this;
    }
    return new Bytes(array, offset + from, to - from);
  }

  /** A fresh array holding these bytes. */
  public byte[] toArray() {
    return Arrays.copyOfRange(array, offset, offset + length);
  }

  /** Copies these bytes into {@code dst} at {@code at}; returns the index after the copy. */
  public int copyTo(byte[] dst, int at) {
    System.arraycopy(array, offset, dst, at, length);
    return at + length;
  }

  /** Writes these bytes to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(array, offset, length);
  }

  /** A read-only view (no copy), e.g. to hand to Netty or Vert.x without copying. */
  public ByteBuffer asReadOnlyByteBuffer() {
    return ByteBuffer.wrap(array, offset, length).slice().asReadOnlyBuffer();
  }

  /** Decodes as UTF-8; malformed sequences become U+FFFD. */
  public String toUtf8String() {
    return new String(array, offset, length, StandardCharsets.UTF_8);
  }

  /** True when these bytes equal {@code other}'s. */
  public boolean contentEquals(byte[] other) {
    return Arrays.equals(array, offset, offset + length, other, 0, other.length);
  }

  // Package-private: the codecs read the storage directly to avoid copies.
  byte[] array() {
    return array;
  }

  int offset() {
    return offset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b
        && Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + array[i];
    }
    return h;
  }

  /** A short printable preview, for logs and test failures. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Bytes[").append(length).append("]\"");
    int shown = Math.min(length, 64);
    for (int i = 0; i < shown; i++) {
      int c = array[offset + i] & 0xff;
      if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
        b.append((char) c);
      } else {
        b.append(String.format("\\x%02x", c));
      }
    }
    return b.append(length > shown ? "\"…" : "\"").toString();
  }
}
