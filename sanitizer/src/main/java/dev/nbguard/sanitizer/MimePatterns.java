package dev.nbguard.sanitizer;

/** Glob matching for MIME patterns such as {@code image/*} or {@code application/vnd.vega*}. */
final class MimePatterns {
  private MimePatterns() {}

  static boolean matches(String pattern, String mime) {
    return matches(pattern, 0, mime, 0);
  }

  private static boolean matches(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        for (int k = si; k <= s.length(); k++) {
          if (matches(p, pi + 1, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length() || s.charAt(si) != c) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
