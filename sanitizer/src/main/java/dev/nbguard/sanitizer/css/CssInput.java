package dev.nbguard.sanitizer.css;

import static dev.nbguard.sanitizer.css.CodePoints.EOF;
import static dev.nbguard.sanitizer.css.CodePoints.REPLACEMENT;
import static dev.nbguard.sanitizer.css.CodePoints.isHexDigit;
import static dev.nbguard.sanitizer.css.CodePoints.isName;
import static dev.nbguard.sanitizer.css.CodePoints.isNewline;
import static dev.nbguard.sanitizer.css.CodePoints.isNonPrintable;
import static dev.nbguard.sanitizer.css.CodePoints.isValidEscape;
import static dev.nbguard.sanitizer.css.CodePoints.isWhitespace;

import dev.nbguard.sanitizer.css.CssToken.Type;

/**
 * The preprocessed input of {@link CssTokenizer} and the parts of CSS Syntax §4.3 that read
 * escapes: names, strings and URLs. A cursor over code points; one instance per tokenization.
 */
final class CssInput {
  private final int[] in;
  private int pos;

  CssInput(String css) {
    this.in = CodePoints.preprocess(css);
  }

  boolean atEnd() {
    return pos >= in.length;
  }

  /** Moves back one code point (to re-read the one just consumed). */
  void back() {
    pos--;
  }

  void skip(int n) {
    pos = Math.min(in.length, pos + n);
  }

  int peek(int ahead) {
    int i = pos + ahead;
    return i < in.length ? in[i] : EOF;
  }

  int consume() {
    return pos < in.length ? in[pos++] : EOF;
  }

  void skipComments() {
    while (peek(0) == '/' && peek(1) == '*') {
      pos += 2;
      while (pos < in.length && !(in[pos] == '*' && peek(1) == '/')) {
        pos++;
      }
      pos = Math.min(in.length, pos + 2);
    }
  }

  /** §4.3.7, after the backslash. */
  int escape() {
    int c = consume();
    if (c == EOF) {
      return REPLACEMENT;
    }
    if (!isHexDigit(c)) {
      return c;
    }
    int value = Character.digit(c, 16);
    for (int n = 1; n < 6 && isHexDigit(peek(0)); n++) {
      value = value * 16 + Character.digit(consume(), 16);
    }
    if (isWhitespace(peek(0))) {
      pos++;
    }
    if (value == 0 || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
      return REPLACEMENT;
    }
    return value;
  }

  /** §4.3.11: a run of name code points and escapes. */
  String name() {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = peek(0);
      if (isName(c)) {
        sb.appendCodePoint(consume());
      } else if (isValidEscape(c, peek(1))) {
        pos++;
        sb.appendCodePoint(escape());
      } else {
        return sb.toString();
      }
    }
  }

  CssToken string(int quote) {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = consume();
      if (c == quote || c == EOF) {
        return CssToken.of(Type.STRING, sb.toString());
      }
      if (isNewline(c)) {
        pos--;
        return CssToken.of(Type.BAD_STRING, sb.toString());
      }
      if (c == '\\') {
        if (peek(0) == EOF) {
          continue;
        }
        if (isNewline(peek(0))) {
          pos++;
          continue;
        }
        sb.appendCodePoint(escape());
      } else {
        sb.appendCodePoint(c);
      }
    }
  }

  /** §4.3.6, after {@code url(}. */
  CssToken url() {
    StringBuilder sb = new StringBuilder();
    while (isWhitespace(peek(0))) {
      pos++;
    }
    while (true) {
      int c = consume();
      if (c == ')' || c == EOF) {
        return CssToken.of(Type.URL, sb.toString());
      }
      if (isWhitespace(c)) {
        while (isWhitespace(peek(0))) {
          pos++;
        }
        if (peek(0) == ')' || peek(0) == EOF) {
          consume();
          return CssToken.of(Type.URL, sb.toString());
        }
        return badUrl(sb);
      }
      if (c == '"' || c == '\'' || c == '(' || isNonPrintable(c)) {
        return badUrl(sb);
      }
      if (c == '\\') {
        if (isValidEscape(c, peek(0))) {
          sb.appendCodePoint(escape());
        } else {
          return badUrl(sb);
        }
      } else {
        sb.appendCodePoint(c);
      }
    }
  }

  /** §4.3.14: skip to the closing parenthesis, honouring escapes. */
  private CssToken badUrl(StringBuilder seen) {
    while (true) {
      int c = consume();
      if (c == ')' || c == EOF) {
        return CssToken.of(Type.BAD_URL, seen.toString());
      }
      if (isValidEscape(c, peek(0))) {
        escape();
      }
    }
  }
}
