package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Func;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.List;

/**
 * The preludes of the grouping rules that stay: {@code @media} queries and {@code @supports}
 * conditions. Both may hold only names, numbers, colons, commas and parentheses (plus a feature
 * value's ordinary tokens inside {@code @supports}); no URL, no function outside {@link
 * ValueFilter#FUNCTIONS}, no {@code <} (a range query written {@code a < b} could not be kept
 * inside a {@code <style>} element, so such a query is dropped).
 */
final class AtRulePreludes {
  private AtRulePreludes() {}

  static void media(List<CssNode> prelude) throws Rejected {
    for (CssNode n : prelude) {
      if (n instanceof Block b && b.open() == Type.LEFT_PAREN) {
        media(b.content());
      } else if (!(n.is(Type.IDENT) || n.is(Type.NUMBER) || n.is(Type.DIMENSION)
          || n.is(Type.COLON) || n.is(Type.COMMA) || n.isWhitespace() || n.isDelim('/')
          || n.isDelim('>') || n.isDelim('='))) {
        throw new Rejected("css.at-rule.media-query");
      }
    }
  }

  static void supports(List<CssNode> prelude) throws Rejected {
    for (CssNode n : prelude) {
      if (n instanceof Block b && b.open() == Type.LEFT_PAREN) {
        supports(b.content());
      } else if (n instanceof Func f
          && ValueFilter.FUNCTIONS.contains(CodePoints.lower(f.name()))) {
        supports(f.args());
      } else if (!(n.is(Type.IDENT) || n.is(Type.NUMBER) || n.is(Type.DIMENSION)
          || n.is(Type.PERCENTAGE) || n.is(Type.HASH) || n.is(Type.STRING)
          || n.is(Type.COLON) || n.is(Type.COMMA) || n.isWhitespace() || n.isDelim('/')
          || n.isDelim('+') || n.isDelim('-') || n.isDelim('*') || n.isDelim('.'))) {
        throw new Rejected("css.at-rule.supports-condition");
      }
    }
  }
}
