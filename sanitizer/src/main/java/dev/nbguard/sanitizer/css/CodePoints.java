package dev.nbguard.sanitizer.css;

/** Code point classes of CSS Syntax Level 3 §4.2 and its input preprocessing (§3.3). */
final class CodePoints {
  static final int EOF = -1;
  static final int REPLACEMENT = 0xFFFD;

  private CodePoints() {}

  /**
   * CR, CRLF and FF become LF; NUL and lone surrogates become U+FFFD, as a browser would before
   * tokenizing.
   */
  static int[] preprocess(String css) {
    int[] out = new int[css.length()];
    int n = 0;
    int i = 0;
    while (i < css.length()) {
      char c = css.charAt(i);
      if (c == '\r') {
        out[n++] = '\n';
        i += (i + 1 < css.length() && css.charAt(i + 1) == '\n') ? 2 : 1;
      } else if (c == '\f') {
        out[n++] = '\n';
        i++;
      } else if (c == 0) {
        out[n++] = REPLACEMENT;
        i++;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < css.length()
          && Character.isLowSurrogate(css.charAt(i + 1))) {
        out[n++] = Character.toCodePoint(c, css.charAt(i + 1));
        i += 2;
      } else {
        out[n++] = Character.isSurrogate(c) ? REPLACEMENT : c;
        i++;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHexDigit(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isNewline(int c) {
    return c == '\n';
  }

  static boolean isWhitespace(int c) {
    return c == '\n' || c == '\t' || c == ' ';
  }

  static boolean isNameStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '_';
  }

  static boolean isName(int c) {
    return isNameStart(c) || isDigit(c) || c == '-';
  }

  static boolean isNonPrintable(int c) {
    return (c >= 0 && c <= 8) || c == 0xB || (c >= 0xE && c <= 0x1F) || c == 0x7F;
  }

  /** §4.3.8: a backslash not followed by a newline. */
  static boolean isValidEscape(int first, int second) {
    return first == '\\' && second != '\n';
  }

  /** §4.3.9. */
  static boolean wouldStartIdent(int first, int second, int third) {
    if (first == '-') {
      return isNameStart(second) || second == '-' || isValidEscape(second, third);
    }
    if (isNameStart(first)) {
      return true;
    }
    return first == '\\' && isValidEscape(first, second);
  }

  /** §4.3.10. */
  static boolean wouldStartNumber(int first, int second, int third) {
    if (first == '+' || first == '-') {
      return isDigit(second) || (second == '.' && isDigit(third));
    }
    if (first == '.') {
      return isDigit(second);
    }
    return isDigit(first);
  }

  /** ASCII lower case, as CSS compares names (never Unicode folding: K-sign is not k). */
  static String lower(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, (char) (c + 32));
      }
    }
    return sb == null ? s : sb.toString();
  }
}
