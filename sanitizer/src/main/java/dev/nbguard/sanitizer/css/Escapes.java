package dev.nbguard.sanitizer.css;

/**
 * Escaping for written CSS (CSSOM "serialize an identifier" / "serialize a string", stricter):
 * characters that could end a style element or an attribute ({@code < > & " '}), controls and
 * spaces become hex escapes, other ASCII punctuation a backslash escape.
 */
final class Escapes {
  private Escapes() {}

  static StringBuilder ident(String s, StringBuilder out) {
    if (s.equals("-")) {
      return out.append("\\-");
    }
    int i = 0;
    int index = 0;
    int first = -1;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      boolean leadingDigit =
          CodePoints.isDigit(c) && (index == 0 || (index == 1 && first == '-'));
      if (index == 0) {
        first = c;
      }
      index++;
      if (leadingDigit) {
        hex(c, out);
      } else {
        nameChar(c, out);
      }
    }
    return out;
  }

  /** The name of a hash that does not start an identifier ({@code #1f77b4}). */
  static StringBuilder name(String s, StringBuilder out) {
    s.codePoints().forEach(c -> nameChar(c, out));
    return out;
  }

  /** A dimension's unit: an identifier that must not read as an exponent ({@code 1e5}). */
  static StringBuilder unit(String unit, StringBuilder out) {
    if (unit.length() > 1 && (unit.charAt(0) == 'e' || unit.charAt(0) == 'E')) {
      char second = unit.charAt(1);
      if (CodePoints.isDigit(second) || second == '-' || second == '+') {
        hex(unit.charAt(0), out);
        return name(unit.substring(1), out);
      }
    }
    return ident(unit, out);
  }

  static StringBuilder string(String s, StringBuilder out) {
    out.append('"');
    s.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
              } else if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&') {
                hex(c, out);
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"');
  }

  private static void nameChar(int c, StringBuilder out) {
    if (CodePoints.isName(c)) {
      out.appendCodePoint(c);
    } else if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&' || c == '"'
        || c == '\'') {
      hex(c, out);
    } else {
      out.append('\\').appendCodePoint(c);
    }
  }

  private static void hex(int c, StringBuilder out) {
    out.append('\\').append(Integer.toHexString(c)).append(' ');
  }
}
