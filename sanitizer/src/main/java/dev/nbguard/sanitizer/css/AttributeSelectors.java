package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Tok;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code [name]} and {@code [name op value flag]} selectors. Ids (and {@code name}, which the
 * HTML sanitizer prefixes too) are matched only through the id rewriter, so {@code [id="x"]}
 * becomes {@code [id="nbg-x"]} and cannot reach the page's own ids; {@code class} matches must
 * not be able to reach a reserved UI class; {@code data-*} attributes exist only outside the
 * output (the HTML sanitizer drops them); {@code value} is not matched by substring.
 */
final class AttributeSelectors {
  private AttributeSelectors() {}

  static CssNode rewrite(Block block, UnaryOperator<String> ids) throws Rejected {
    List<CssNode> c = CssWriter.trim(block.content());
    int i = 0;
    if (c.isEmpty() || !c.get(0).is(Type.IDENT)) {
      throw new Rejected("css.selector.invalid");
    }
    String attr = ((Tok) c.get(i++)).token().value();
    i = skipSpace(c, i);
    String op = "";
    if (i < c.size()) {
      if (c.get(i).isDelim('=')) {
        op = "=";
        i++;
      } else if (i + 1 < c.size() && c.get(i + 1).isDelim('=') && isMatcher(c.get(i))) {
        op = ((Tok) c.get(i)).token().value() + "=";
        i += 2;
      } else {
        throw new Rejected("css.selector.invalid");
      }
    }
    String value = "";
    String flag = "";
    if (!op.isEmpty()) {
      i = skipSpace(c, i);
      if (i >= c.size() || !(c.get(i).is(Type.IDENT) || c.get(i).is(Type.STRING))) {
        throw new Rejected("css.selector.invalid");
      }
      value = ((Tok) c.get(i++)).token().value();
      i = skipSpace(c, i);
      if (i < c.size() && c.get(i).is(Type.IDENT)) {
        flag = CodePoints.lower(((Tok) c.get(i++)).token().value());
        if (!flag.equals("i") && !flag.equals("s")) {
          throw new Rejected("css.selector.invalid");
        }
      }
    }
    if (i != c.size()) {
      throw new Rejected("css.selector.invalid");
    }
    value = check(CodePoints.lower(attr), op, value, ids);
    List<CssNode> out = new ArrayList<>();
    out.add(new Tok(CssToken.of(Type.IDENT, attr)));
    if (!op.isEmpty()) {
      for (char ch : op.toCharArray()) {
        out.add(new Tok(CssToken.delim(ch)));
      }
      out.add(new Tok(CssToken.of(Type.STRING, value)));
      if (!flag.isEmpty()) {
        out.add(new Tok(CssToken.of(Type.WHITESPACE)));
        out.add(new Tok(CssToken.of(Type.IDENT, flag)));
      }
    }
    return new Block(Type.LEFT_SQUARE, out);
  }

  /** The value to keep (ids rewritten), or {@link Rejected}. */
  private static String check(String attr, String op, String value, UnaryOperator<String> ids)
      throws Rejected {
    if (attr.startsWith("data-")) {
      throw new Rejected("css.selector.outside-output");
    }
    switch (attr) {
      case "id", "name":
        if (op.isEmpty() || op.equals("*=") || op.equals("$=")) {
          throw new Rejected("css.selector.id-attribute");
        }
        if (op.equals("~=")) {
          return value.isBlank() ? value : ids.apply(value.strip());
        }
        return ids.apply(value);
      case "class":
        if (op.equals("*=") || op.equals("$=")
            || ((op.equals("^=") || op.equals("|=")) && ReservedNames.mayStartReserved(value))
            || ((op.equals("=") || op.equals("~=")) && anyReserved(value))) {
          throw new Rejected("css.selector.ui-class");
        }
        return value;
      case "value":
        if (op.equals("^=") || op.equals("$=") || op.equals("*=")) {
          throw new Rejected("css.selector.attribute-value");
        }
        return value;
      default:
        return value;
    }
  }

  private static boolean anyReserved(String classes) {
    for (String word : classes.split("[ \\t\\n\\r\\f]+")) {
      if (!word.isEmpty() && ReservedNames.isReserved(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMatcher(CssNode n) {
    return n.isDelim('~') || n.isDelim('|') || n.isDelim('^') || n.isDelim('$')
        || n.isDelim('*');
  }

  private static int skipSpace(List<CssNode> c, int i) {
    while (i < c.size() && c.get(i).isWhitespace()) {
      i++;
    }
    return i;
  }
}
