package dev.nbguard.sanitizer.css;

/**
 * One token of CSS Syntax Level 3, already decoded: escapes are resolved, so {@code \75 rl} and
 * {@code u\rl} are both the name {@code url}.
 *
 * @param type the token type
 * @param value the decoded name (ident, function, at-keyword, hash), string or URL contents, the
 *     delimiter character, or the unit of a dimension; "" otherwise
 * @param number the source digits of a number, percentage or dimension ({@code [+-0-9.eE]} only);
 *     "" otherwise
 * @param idHash for a hash token: whether its name would start an identifier ({@code #a1}, not
 *     {@code #1a})
 */
record CssToken(Type type, String value, String number, boolean idHash) {
  enum Type {
    IDENT,
    FUNCTION,
    AT_KEYWORD,
    HASH,
    STRING,
    BAD_STRING,
    URL,
    BAD_URL,
    DELIM,
    NUMBER,
    PERCENTAGE,
    DIMENSION,
    WHITESPACE,
    CDO,
    CDC,
    COLON,
    SEMICOLON,
    COMMA,
    LEFT_SQUARE,
    RIGHT_SQUARE,
    LEFT_PAREN,
    RIGHT_PAREN,
    LEFT_CURLY,
    RIGHT_CURLY
  }

  static CssToken of(Type type) {
    return new CssToken(type, "", "", false);
  }

  static CssToken of(Type type, String value) {
    return new CssToken(type, value, "", false);
  }

  static CssToken delim(int codePoint) {
    return new CssToken(Type.DELIM, new String(Character.toChars(codePoint)), "", false);
  }

  static CssToken numeric(Type type, String number, String unit) {
    return new CssToken(type, unit, number, false);
  }

  boolean is(Type t) {
    return type == t;
  }

  boolean isDelim(char c) {
    return type == Type.DELIM && value.length() == 1 && value.charAt(0) == c;
  }
}
