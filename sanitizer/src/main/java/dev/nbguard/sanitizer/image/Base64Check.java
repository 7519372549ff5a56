package dev.nbguard.sanitizer.image;

import java.util.Optional;

/**
 * Validates base64 the way a browser decodes a {@code data:} URL (WHATWG "forgiving base64"):
 * ASCII whitespace is ignored, padding is optional but only at the end, and a length of 4n+1
 * characters is invalid. One pass over the text; only the first bytes are ever decoded.
 */
final class Base64Check {
  private static final int HEAD_BYTES = 16;

  private Base64Check() {}

  /**
   * Returns the first {@value #HEAD_BYTES} decoded bytes (fewer for a short image), or empty when
   * {@code text} is not valid base64.
   */
  static Optional<byte[]> validHead(String text) {
    int count = 0;
    int padding = 0;
    byte[] head = new byte[HEAD_BYTES];
    int headLen = 0;
    int bits = 0;
    int bitCount = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
        continue;
      }
      if (c == '=') {
        padding++;
        if (padding > 2) {
          return Optional.empty();
        }
        count++;
        continue;
      }
      int v = value(c);
      if (v < 0 || padding > 0) {
        return Optional.empty();
      }
      count++;
      if (headLen < HEAD_BYTES) {
        bits = (bits << 6) | v;
        bitCount += 6;
        if (bitCount >= 8) {
          bitCount -= 8;
          head[headLen++] = (byte) (bits >> bitCount);
          bits &= (1 << bitCount) - 1;
        }
      }
    }
    if (padding > 0 && count % 4 != 0) {
      return Optional.empty();
    }
    if ((count - padding) % 4 == 1 || count == 0) {
      return Optional.empty();
    }
    byte[] out = new byte[headLen];
    System.arraycopy(head, 0, out, 0, headLen);
    return Optional.of(out);
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    if (c == '/') {
      return 63;
    }
    return -1;
  }
}
