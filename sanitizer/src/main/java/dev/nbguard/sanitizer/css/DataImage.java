package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.UrlPolicy;
import java.util.List;

/**
 * The only {@code data:} URLs CSS may keep: base64 PNG, JPEG, GIF or WebP (never SVG, never
 * text), and only if the {@link UrlPolicy} allows them as images. Checked by hand, not by regular
 * expression, so a megabyte of base64 costs one linear scan.
 */
final class DataImage {
  private static final List<String> PREFIXES =
      List.of(
          "data:image/png;base64,",
          "data:image/jpeg;base64,",
          "data:image/jpg;base64,",
          "data:image/gif;base64,",
          "data:image/webp;base64,");

  private final UrlPolicy urls;

  DataImage(UrlPolicy urls) {
    this.urls = urls;
  }

  /** {@code url} already normalised with {@link UrlPolicy#normalize}. */
  boolean allows(String url) {
    int head = url.indexOf(',') + 1;
    if (head <= 0 || !PREFIXES.contains(CodePoints.lower(url.substring(0, head)))) {
      return false;
    }
    for (int i = head; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean base64 =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
              || c == '+' || c == '/' || c == '=';
      if (!base64) {
        return false;
      }
    }
    return urls.allows(url, UrlPolicy.Context.IMAGE);
  }
}
