package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Tok;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks and rewrites a style rule's selector list. Keeps type, class, id, attribute and
 * universal selectors, the four combinators and an allowlist of pseudo-classes and
 * pseudo-elements; rewrites every id ({@code #x}, {@code [id=x]}) with the id rewriter. Refuses
 * (the whole rule) selectors that reach outside the output ({@code html}, {@code body}, {@code
 * :root}, {@code :host}, {@code :has()}, {@code [data-…]}), JupyterLab's own UI classes and
 * elements, and anything it cannot read.
 */
final class SelectorFilter {
  private static final Set<String> OUTSIDE_TYPES = Set.of("html", "body", "head");

  private SelectorFilter() {}

  /** The complex selectors of a rule's selector list with ids rewritten, or {@link Rejected}. */
  static List<List<CssNode>> rewrite(List<CssNode> prelude, UnaryOperator<String> ids)
      throws Rejected {
    return rewrite(prelude, ids, List.of());
  }

  /**
   * As {@link #rewrite(List, UnaryOperator)}; a complex selector that starts with {@code scope}
   * and a descendant combinator loses that prefix first (it is added back by the caller), so
   * scoped output sanitized again with the same scope stays as it is. With a scope, {@code :root}
   * (and the scope itself) comes back as an empty selector: the caller writes the scope alone, so
   * custom properties an output defines on its "root" reach the whole output and nothing else.
   */
  static List<List<CssNode>> rewrite(
      List<CssNode> prelude, UnaryOperator<String> ids, List<CssNode> scope) throws Rejected {
    List<List<CssNode>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= prelude.size(); i++) {
      if (i == prelude.size() || prelude.get(i).is(Type.COMMA)) {
        List<CssNode> selector = CssWriter.trim(prelude.subList(start, i));
        if (!scope.isEmpty() && (selector.equals(scope) || isRoot(selector))) {
          out.add(List.of()); // the scope element itself: the output's root
          start = i + 1;
          continue;
        }
        List<CssNode> complex = unscoped(selector, scope);
        if (complex.isEmpty()) {
          throw new Rejected("css.selector.invalid");
        }
        out.add(complex(complex, ids));
        start = i + 1;
      }
    }
    return out;
  }

  /** {@code :root} alone: in scoped output, the root the output's own rules can reach. */
  private static boolean isRoot(List<CssNode> selector) {
    return selector.size() == 2 && selector.get(0).is(Type.COLON) && selector.get(1) instanceof Tok t
        && t.token().is(Type.IDENT) && CodePoints.lower(t.token().value()).equals("root");
  }

  private static List<CssNode> unscoped(List<CssNode> complex, List<CssNode> scope) {
    int n = scope.size();
    boolean prefixed = n > 0 && complex.size() > n + 1
        && complex.subList(0, n).equals(scope) && complex.get(n).isWhitespace();
    return prefixed ? CssWriter.trim(complex.subList(n + 1, complex.size())) : complex;
  }

  /** A selector list inside {@code :not()}, {@code :is()}, {@code :where()}. */
  static List<CssNode> selectorList(List<CssNode> nodes, UnaryOperator<String> ids)
      throws Rejected {
    List<CssNode> out = new ArrayList<>();
    for (List<CssNode> complex : rewrite(nodes, ids)) {
      if (!out.isEmpty()) {
        out.add(new Tok(CssToken.of(Type.COMMA)));
        out.add(new Tok(CssToken.of(Type.WHITESPACE)));
      }
      out.addAll(complex);
    }
    return out;
  }

  /**
   * One complex selector: compounds joined by combinators, a type or {@code *} only at the start
   * of a compound, no leading or trailing combinator, a pseudo-element only at the very end.
   */
  private static List<CssNode> complex(List<CssNode> nodes, UnaryOperator<String> ids)
      throws Rejected {
    List<CssNode> out = new ArrayList<>(nodes.size());
    boolean anchored = false;
    boolean compoundStart = true;
    boolean combinatorPending = true;
    for (int i = 0; i < nodes.size(); i++) {
      CssNode n = nodes.get(i);
      boolean typeOrUniversal = n.is(Type.IDENT) || n.isDelim('*');
      boolean combinator = n.isDelim('>') || n.isDelim('+') || n.isDelim('~');
      if ((typeOrUniversal && !compoundStart) || (combinator && combinatorPending)) {
        throw new Rejected("css.selector.invalid");
      }
      compoundStart = combinator || n.isWhitespace();
      combinatorPending = combinator || (combinatorPending && n.isWhitespace());
      if (compoundStart || n.isDelim('*')) {
        out.add(n);
      } else if (n.is(Type.IDENT)) {
        typeSelector(((Tok) n).token().value());
        anchored = true;
        out.add(n);
      } else if (n.is(Type.HASH)) {
        CssToken t = ((Tok) n).token();
        if (!t.idHash()) {
          throw new Rejected("css.selector.invalid");
        }
        out.add(new Tok(new CssToken(Type.HASH, ids.apply(t.value()), "", true)));
        anchored = true;
      } else if (n.isDelim('.') && i + 1 < nodes.size() && nodes.get(i + 1).is(Type.IDENT)) {
        String name = ((Tok) nodes.get(++i)).token().value();
        if (ReservedNames.isReserved(name)) {
          throw new Rejected("css.selector.ui-class");
        }
        out.add(n);
        out.add(nodes.get(i));
        anchored = true;
      } else if (n.is(Type.COLON)) {
        boolean element = PseudoSelectors.isElement(nodes, i);
        i = PseudoSelectors.check(nodes, i, anchored, ids, out);
        if (element && i + 1 < nodes.size()) {
          throw new Rejected("css.selector.invalid");
        }
      } else if (n instanceof Block b && b.open() == Type.LEFT_SQUARE) {
        out.add(AttributeSelectors.rewrite(b, ids));
        anchored = true;
      } else {
        throw new Rejected("css.selector.invalid");
      }
    }
    if (combinatorPending) {
      throw new Rejected("css.selector.invalid");
    }
    return out;
  }

  private static void typeSelector(String name) throws Rejected {
    String lower = CodePoints.lower(name);
    if (OUTSIDE_TYPES.contains(lower)) {
      throw new Rejected("css.selector.outside-output");
    }
    if (ReservedNames.isReserved(lower)) {
      throw new Rejected("css.selector.ui-element");
    }
  }
}
