package dev.nbguard.sanitizer.css;

import static dev.nbguard.sanitizer.css.CodePoints.EOF;
import static dev.nbguard.sanitizer.css.CodePoints.REPLACEMENT;
import static dev.nbguard.sanitizer.css.CodePoints.isDigit;
import static dev.nbguard.sanitizer.css.CodePoints.isHexDigit;
import static dev.nbguard.sanitizer.css.CodePoints.isName;
import static dev.nbguard.sanitizer.css.CodePoints.isNameStart;
import static dev.nbguard.sanitizer.css.CodePoints.isNewline;
import static dev.nbguard.sanitizer.css.CodePoints.isNonPrintable;
import static dev.nbguard.sanitizer.css.CodePoints.isValidEscape;
import static dev.nbguard.sanitizer.css.CodePoints.isWhitespace;
import static dev.nbguard.sanitizer.css.CodePoints.wouldStartIdent;
import static dev.nbguard.sanitizer.css.CodePoints.wouldStartNumber;

import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokenizer of CSS Syntax Level 3 §4, as browsers run it: comments vanish, escapes are
 * decoded, {@code url(} is recognised on the decoded name. One pass, no backtracking: linear in
 * the input. Never fails; malformed input gives bad-string, bad-url or delimiter tokens.
 */
final class CssTokenizer {
  private final int[] in;
  private int pos;

  private CssTokenizer(String css) {
    this.in = CodePoints.preprocess(css);
  }

  /** The tokens of {@code css}; whitespace around a comment is one whitespace token. */
  static List<CssToken> tokenize(String css) {
    CssTokenizer t = new CssTokenizer(css);
    List<CssToken> out = new ArrayList<>();
    for (CssToken tok = t.next(); tok != null; tok = t.next()) {
      boolean repeatedSpace =
          tok.is(Type.WHITESPACE) && !out.isEmpty() && out.get(out.size() - 1).is(Type.WHITESPACE);
      if (!repeatedSpace) {
        out.add(tok);
      }
    }
    return out;
  }

  private int peek(int ahead) {
    int i = pos + ahead;
    return i < in.length ? in[i] : EOF;
  }

  private int consume() {
    return pos < in.length ? in[pos++] : EOF;
  }

  /** The next token, or null at the end of input. */
  private CssToken next() {
    skipComments();
    int c = consume();
    if (c == EOF) {
      return null;
    }
    if (isWhitespace(c)) {
      while (isWhitespace(peek(0))) {
        pos++;
      }
      return CssToken.of(Type.WHITESPACE);
    }
    switch (c) {
      case '"', '\'':
        return string(c);
      case '#':
        if (isName(peek(0)) || isValidEscape(peek(0), peek(1))) {
          boolean id = wouldStartIdent(peek(0), peek(1), peek(2));
          return new CssToken(Type.HASH, name(), "", id);
        }
        return CssToken.delim(c);
      case '(':
        return CssToken.of(Type.LEFT_PAREN);
      case ')':
        return CssToken.of(Type.RIGHT_PAREN);
      case '[':
        return CssToken.of(Type.LEFT_SQUARE);
      case ']':
        return CssToken.of(Type.RIGHT_SQUARE);
      case '{':
        return CssToken.of(Type.LEFT_CURLY);
      case '}':
        return CssToken.of(Type.RIGHT_CURLY);
      case ',':
        return CssToken.of(Type.COMMA);
      case ':':
        return CssToken.of(Type.COLON);
      case ';':
        return CssToken.of(Type.SEMICOLON);
      case '+', '.':
        if (wouldStartNumber(c, peek(0), peek(1))) {
          pos--;
          return numeric();
        }
        return CssToken.delim(c);
      case '-':
        if (wouldStartNumber(c, peek(0), peek(1))) {
          pos--;
          return numeric();
        }
        if (peek(0) == '-' && peek(1) == '>') {
          pos += 2;
          return CssToken.of(Type.CDC);
        }
        if (wouldStartIdent(c, peek(0), peek(1))) {
          pos--;
          return identLike();
        }
        return CssToken.delim(c);
      case '<':
        if (peek(0) == '!' && peek(1) == '-' && peek(2) == '-') {
          pos += 3;
          return CssToken.of(Type.CDO);
        }
        return CssToken.delim(c);
      case '@':
        if (wouldStartIdent(peek(0), peek(1), peek(2))) {
          return CssToken.of(Type.AT_KEYWORD, name());
        }
        return CssToken.delim(c);
      case '\\':
        if (isValidEscape(c, peek(0))) {
          pos--;
          return identLike();
        }
        return CssToken.delim(c);
      default:
        if (isDigit(c)) {
          pos--;
          return numeric();
        }
        if (isNameStart(c)) {
          pos--;
          return identLike();
        }
        return CssToken.delim(c);
    }
  }

  private void skipComments() {
    while (peek(0) == '/' && peek(1) == '*') {
      pos += 2;
      while (pos < in.length && !(in[pos] == '*' && peek(1) == '/')) {
        pos++;
      }
      pos = Math.min(in.length, pos + 2);
    }
  }

  /** §4.3.7, after the backslash. */
  private int escape() {
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
  private String name() {
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

  private CssToken string(int quote) {
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

  /** §4.3.3. */
  private CssToken numeric() {
    StringBuilder n = new StringBuilder();
    if (peek(0) == '+' || peek(0) == '-') {
      n.appendCodePoint(consume());
    }
    digits(n);
    if (peek(0) == '.' && isDigit(peek(1))) {
      n.appendCodePoint(consume());
      digits(n);
    }
    if ((peek(0) == 'e' || peek(0) == 'E')
        && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
      n.appendCodePoint(consume());
      n.appendCodePoint(consume());
      digits(n);
    }
    if (wouldStartIdent(peek(0), peek(1), peek(2))) {
      return CssToken.numeric(Type.DIMENSION, n.toString(), name());
    }
    if (peek(0) == '%') {
      pos++;
      return CssToken.numeric(Type.PERCENTAGE, n.toString(), "");
    }
    return CssToken.numeric(Type.NUMBER, n.toString(), "");
  }

  private void digits(StringBuilder n) {
    while (isDigit(peek(0))) {
      n.appendCodePoint(consume());
    }
  }

  /** §4.3.4: ident, function, url or bad-url. */
  private CssToken identLike() {
    String name = name();
    if (peek(0) != '(') {
      return CssToken.of(Type.IDENT, name);
    }
    pos++;
    if (!CodePoints.lower(name).equals("url")) {
      return CssToken.of(Type.FUNCTION, name);
    }
    while (isWhitespace(peek(0)) && isWhitespace(peek(1))) {
      pos++;
    }
    int a = peek(0);
    int b = peek(1);
    if (a == '"' || a == '\'' || (isWhitespace(a) && (b == '"' || b == '\''))) {
      return CssToken.of(Type.FUNCTION, name);
    }
    return url();
  }

  /** §4.3.6, after {@code url(}. */
  private CssToken url() {
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
