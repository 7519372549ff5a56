package dev.nbguard.benchmarks.gateway;

import java.nio.charset.StandardCharsets;

/** A view of {@code bytes[from, to)}: one part of a received message, not copied. */
record Slice(byte[] bytes, int from, int to) {

  static Slice of(byte[] bytes) {
    return new Slice(bytes, 0, bytes.length);
  }

  int length() {
    return to - from;
  }

  boolean contains(byte[] needle) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return new String(bytes, from, length(), StandardCharsets.UTF_8);
  }
}
