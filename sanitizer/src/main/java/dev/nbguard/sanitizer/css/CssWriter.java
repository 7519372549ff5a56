package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Func;
import dev.nbguard.sanitizer.css.CssNode.Tok;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.List;

/**
 * Writes tokens back as canonical CSS: whitespace collapsed to one space, no comments except an
 * empty {@code /**}{@code /} where two tokens would otherwise merge (CSS Syntax §9), names and
 * strings re-escaped so that what a browser reads is exactly what was checked. The output never
 * contains {@code <}, {@code >} or {@code &} outside the {@code >} combinator, and no raw control
 * characters or quotes inside strings, so it cannot end a {@code <style>} element or an attribute.
 */
final class CssWriter {
  private final StringBuilder out;
  private final int limit;
  private CssToken previous;

  private CssWriter(StringBuilder out, int limit) {
    this.out = out;
    this.limit = limit;
  }

  /** {@code nodes} as CSS, leading and trailing whitespace dropped. */
  static String write(List<CssNode> nodes) {
    CssWriter w = new CssWriter(new StringBuilder(), Integer.MAX_VALUE);
    w.nodes(trim(nodes));
    return w.out.toString();
  }

  /** The start of {@code nodes} as CSS, for a finding's excerpt (not for output). */
  static String excerpt(List<CssNode> nodes) {
    CssWriter w = new CssWriter(new StringBuilder(), 120);
    w.nodes(trim(nodes));
    return w.out.toString();
  }

  static List<CssNode> trim(List<CssNode> nodes) {
    int start = 0;
    int end = nodes.size();
    while (start < end && nodes.get(start).isWhitespace()) {
      start++;
    }
    while (end > start && nodes.get(end - 1).isWhitespace()) {
      end--;
    }
    return nodes.subList(start, end);
  }

  private void nodes(List<CssNode> nodes) {
    for (CssNode n : nodes) {
      if (out.length() > limit) {
        return;
      }
      if (n instanceof Tok t) {
        token(t.token());
      } else if (n instanceof Block b) {
        token(CssToken.of(b.open()));
        nodes(b.content());
        token(CssToken.of(CssParser.closerOf(b.open())));
      } else if (n instanceof Func f) {
        token(CssToken.of(Type.FUNCTION, f.name()));
        nodes(f.args());
        token(CssToken.of(Type.RIGHT_PAREN));
      }
    }
  }

  private void token(CssToken t) {
    if (previous != null && needsSeparator(previous, t)) {
      out.append("/**/");
    }
    previous = t;
    String v = t.value();
    switch (t.type()) {
      case IDENT -> Escapes.ident(v, out);
      case FUNCTION -> Escapes.ident(v, out).append('(');
      case AT_KEYWORD -> Escapes.ident(v, out.append('@'));
      case HASH -> {
        out.append('#');
        if (t.idHash()) {
          Escapes.ident(v, out);
        } else {
          Escapes.name(v, out);
        }
      }
      case STRING -> Escapes.string(v, out);
      case BAD_STRING -> Escapes.string(v, out).setLength(out.length() - 1);
      case URL -> Escapes.string(v, out.append("url(")).append(')');
      case BAD_URL -> Escapes.string(v, out.append("url(")).setLength(out.length() - 1);
      case DELIM -> out.append(v);
      case NUMBER -> out.append(t.number());
      case PERCENTAGE -> out.append(t.number()).append('%');
      case DIMENSION -> Escapes.unit(v, out.append(t.number()));
      case WHITESPACE -> out.append(' ');
      case CDO -> out.append("<!--");
      case CDC -> out.append("-->");
      case COLON -> out.append(':');
      case SEMICOLON -> out.append(';');
      case COMMA -> out.append(',');
      case LEFT_SQUARE -> out.append('[');
      case RIGHT_SQUARE -> out.append(']');
      case LEFT_PAREN -> out.append('(');
      case RIGHT_PAREN -> out.append(')');
      case LEFT_CURLY -> out.append('{');
      case RIGHT_CURLY -> out.append('}');
    }
  }

  /**
   * The table of CSS Syntax §9 ("serialization"): pairs that would merge when written apart. A
   * number written with a leading {@code +} merges with nothing ({@code +} is no name code point
   * and starts no number after a digit), so {@code 2n+1} stays readable.
   */
  static boolean needsSeparator(CssToken a, CssToken b) {
    boolean identLike = b.is(Type.IDENT) || b.is(Type.FUNCTION) || b.is(Type.URL)
        || b.is(Type.BAD_URL);
    boolean numeric = (b.is(Type.NUMBER) || b.is(Type.PERCENTAGE) || b.is(Type.DIMENSION))
        && !b.number().startsWith("+");
    switch (a.type()) {
      case IDENT:
        return identLike || numeric || b.isDelim('-') || b.is(Type.CDC)
            || b.is(Type.LEFT_PAREN);
      case AT_KEYWORD, HASH, DIMENSION:
        return identLike || numeric || b.isDelim('-') || b.is(Type.CDC);
      case NUMBER:
        return identLike || numeric || b.isDelim('%');
      case DELIM:
        if (a.isDelim('#') || a.isDelim('-')) {
          return identLike || numeric || b.isDelim('-');
        }
        if (a.isDelim('@')) {
          return identLike || b.isDelim('-');
        }
        if (a.isDelim('.') || a.isDelim('+')) {
          return numeric;
        }
        if (a.isDelim('/')) {
          return b.isDelim('*');
        }
        return a.isDelim('\\');
      default:
        return false;
    }
  }
}
