package dev.nbguard.sanitizer.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The file signatures ("magic bytes") of the raster formats JupyterLab renders as {@code <img>}. */
final class ImageMagic {
  private ImageMagic() {}

  /**
   * Whether {@code head} starts like an image of {@code mimeType}; empty when this class knows no
   * signature for the type.
   */
  static Optional<Boolean> matches(String mimeType, byte[] head) {
    return switch (mimeType.toLowerCase(Locale.ROOT)) {
      case "image/png" -> Optional.of(startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A));
      case "image/jpeg", "image/jpg" -> Optional.of(startsWith(head, 0, 0xFF, 0xD8, 0xFF));
      case "image/gif" -> Optional.of(ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a"));
      case "image/webp" -> Optional.of(ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP"));
      case "image/bmp" -> Optional.of(ascii(head, 0, "BM"));
      default -> Optional.empty();
    };
  }

  private static boolean ascii(byte[] head, int offset, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    int[] expected = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      expected[i] = b[i];
    }
    return startsWith(head, offset, expected);
  }

  private static boolean startsWith(byte[] head, int offset, int... expected) {
    if (head.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((head[offset + i] & 0xFF) != (expected[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
