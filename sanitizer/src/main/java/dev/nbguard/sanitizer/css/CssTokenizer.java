package dev.nbguard.sanitizer.css;

import static dev.nbguard.sanitizer.css.CodePoints.EOF;
import static dev.nbguard.sanitizer.css.CodePoints.isDigit;
import static dev.nbguard.sanitizer.css.CodePoints.isName;
import static dev.nbguard.sanitizer.css.CodePoints.isNameStart;
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
  private final CssInput in;

  private CssTokenizer(String css) {
    this.in = new CssInput(css);
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

  /** The next token, or null at the end of input. */
  private CssToken next() {
    in.skipComments();
    int c = in.consume();
    if (c == EOF) {
      return null;
    }
    if (isWhitespace(c)) {
      while (isWhitespace(in.peek(0))) {
        in.skip(1);
      }
      return CssToken.of(Type.WHITESPACE);
    }
    switch (c) {
      case '"', '\'':
        return in.string(c);
      case '#':
        if (isName(in.peek(0)) || isValidEscape(in.peek(0), in.peek(1))) {
          boolean id = wouldStartIdent(in.peek(0), in.peek(1), in.peek(2));
          return new CssToken(Type.HASH, in.name(), "", id);
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
        if (wouldStartNumber(c, in.peek(0), in.peek(1))) {
          in.back();
          return numeric();
        }
        return CssToken.delim(c);
      case '-':
        if (wouldStartNumber(c, in.peek(0), in.peek(1))) {
          in.back();
          return numeric();
        }
        if (in.peek(0) == '-' && in.peek(1) == '>') {
          in.skip(2);
          return CssToken.of(Type.CDC);
        }
        if (wouldStartIdent(c, in.peek(0), in.peek(1))) {
          in.back();
          return identLike();
        }
        return CssToken.delim(c);
      case '<':
        if (in.peek(0) == '!' && in.peek(1) == '-' && in.peek(2) == '-') {
          in.skip(3);
          return CssToken.of(Type.CDO);
        }
        return CssToken.delim(c);
      case '@':
        if (wouldStartIdent(in.peek(0), in.peek(1), in.peek(2))) {
          return CssToken.of(Type.AT_KEYWORD, in.name());
        }
        return CssToken.delim(c);
      case '\\':
        if (isValidEscape(c, in.peek(0))) {
          in.back();
          return identLike();
        }
        return CssToken.delim(c);
      default:
        if (isDigit(c)) {
          in.back();
          return numeric();
        }
        if (isNameStart(c)) {
          in.back();
          return identLike();
        }
        return CssToken.delim(c);
    }
  }

  /** §4.3.3. */
  private CssToken numeric() {
    StringBuilder n = new StringBuilder();
    if (in.peek(0) == '+' || in.peek(0) == '-') {
      n.appendCodePoint(in.consume());
    }
    digits(n);
    if (in.peek(0) == '.' && isDigit(in.peek(1))) {
      n.appendCodePoint(in.consume());
      digits(n);
    }
    if ((in.peek(0) == 'e' || in.peek(0) == 'E')
        && (isDigit(in.peek(1)) || ((in.peek(1) == '+' || in.peek(1) == '-') && isDigit(in.peek(2))))) {
      n.appendCodePoint(in.consume());
      n.appendCodePoint(in.consume());
      digits(n);
    }
    if (wouldStartIdent(in.peek(0), in.peek(1), in.peek(2))) {
      return CssToken.numeric(Type.DIMENSION, n.toString(), in.name());
    }
    if (in.peek(0) == '%') {
      in.skip(1);
      return CssToken.numeric(Type.PERCENTAGE, n.toString(), "");
    }
    return CssToken.numeric(Type.NUMBER, n.toString(), "");
  }

  private void digits(StringBuilder n) {
    while (isDigit(in.peek(0))) {
      n.appendCodePoint(in.consume());
    }
  }

  /** §4.3.4: ident, function, url or bad-url. */
  private CssToken identLike() {
    String name = in.name();
    if (in.peek(0) != '(') {
      return CssToken.of(Type.IDENT, name);
    }
    in.skip(1);
    if (!CodePoints.lower(name).equals("url")) {
      return CssToken.of(Type.FUNCTION, name);
    }
    while (isWhitespace(in.peek(0)) && isWhitespace(in.peek(1))) {
      in.skip(1);
    }
    int a = in.peek(0);
    int b = in.peek(1);
    if (a == '"' || a == '\'' || (isWhitespace(a) && (b == '"' || b == '\''))) {
      return CssToken.of(Type.FUNCTION, name);
    }
    return in.url();
  }
}
