package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Func;
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
  private static final Set<String> PSEUDO_CLASSES =
      Set.of(
          "hover", "active", "focus", "focus-within", "focus-visible", "first-child",
          "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type", "empty",
          "checked", "disabled", "enabled", "required", "optional", "read-only", "read-write",
          "placeholder-shown", "default", "indeterminate", "valid", "invalid", "in-range",
          "out-of-range", "link", "any-link");
  private static final Set<String> NTH =
      Set.of("nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type");
  private static final Set<String> SELECTOR_ARGUMENT = Set.of("not", "is", "where");
  private static final Set<String> PSEUDO_ELEMENTS =
      Set.of("before", "after", "first-line", "first-letter", "marker", "placeholder", "selection");
  private static final Set<String> LEGACY_PSEUDO_ELEMENTS =
      Set.of("before", "after", "first-line", "first-letter");
  private static final Set<String> OUTSIDE_PSEUDO =
      Set.of(
          "root", "host", "host-context", "scope", "has", "slotted", "part", "fullscreen",
          "modal", "popover-open", "backdrop", "picture-in-picture");
  private static final Set<String> OUTSIDE_TYPES = Set.of("html", "body", "head");

  private SelectorFilter() {}

  /** The selector list with ids rewritten, or {@link Rejected}. */
  static List<CssNode> rewrite(List<CssNode> prelude, UnaryOperator<String> ids)
      throws Rejected {
    return selectorList(prelude, ids);
  }

  private static List<CssNode> selectorList(List<CssNode> nodes, UnaryOperator<String> ids)
      throws Rejected {
    List<CssNode> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= nodes.size(); i++) {
      if (i == nodes.size() || nodes.get(i).is(Type.COMMA)) {
        List<CssNode> complex = CssWriter.trim(nodes.subList(start, i));
        if (complex.isEmpty()) {
          throw new Rejected("css.selector.invalid");
        }
        if (!out.isEmpty()) {
          out.add(new Tok(CssToken.of(Type.COMMA)));
          out.add(new Tok(CssToken.of(Type.WHITESPACE)));
        }
        out.addAll(complex(complex, ids));
        start = i + 1;
      }
    }
    return out;
  }

  private static List<CssNode> complex(List<CssNode> nodes, UnaryOperator<String> ids)
      throws Rejected {
    List<CssNode> out = new ArrayList<>(nodes.size());
    boolean anchored = false;
    for (int i = 0; i < nodes.size(); i++) {
      CssNode n = nodes.get(i);
      if (n.isWhitespace() || n.isDelim('>') || n.isDelim('+') || n.isDelim('~')
          || n.isDelim('*')) {
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
        i = pseudo(nodes, i, anchored, ids, out);
      } else if (n instanceof Block b && b.open() == Type.LEFT_SQUARE) {
        out.add(AttributeSelectors.rewrite(b, ids));
        anchored = true;
      } else {
        throw new Rejected("css.selector.invalid");
      }
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

  /** Checks the pseudo-class or pseudo-element at {@code nodes[i]} (a colon); the last index used. */
  private static int pseudo(
      List<CssNode> nodes, int i, boolean anchored, UnaryOperator<String> ids, List<CssNode> out)
      throws Rejected {
    int j = i + 1;
    boolean element = j < nodes.size() && nodes.get(j).is(Type.COLON);
    if (element) {
      j++;
    }
    if (j >= nodes.size()) {
      throw new Rejected("css.selector.invalid");
    }
    CssNode target = nodes.get(j);
    String name;
    if (target instanceof Tok t && t.token().is(Type.IDENT)) {
      name = CodePoints.lower(t.token().value());
    } else if (target instanceof Func f) {
      name = CodePoints.lower(f.name());
    } else {
      throw new Rejected("css.selector.invalid");
    }
    if (OUTSIDE_PSEUDO.contains(name)) {
      throw new Rejected("css.selector.outside-output");
    }
    CssNode kept;
    if (target instanceof Func f) {
      kept = element ? null : functionalPseudoClass(f, name, ids);
    } else if (element || LEGACY_PSEUDO_ELEMENTS.contains(name)) {
      if (!PSEUDO_ELEMENTS.contains(name) || (!element && name.equals("marker"))) {
        throw new Rejected("css.selector.pseudo");
      }
      if (name.equals("selection") && !anchored) {
        throw new Rejected("css.selector.outside-output");
      }
      kept = target;
    } else {
      kept = PSEUDO_CLASSES.contains(name) ? target : null;
    }
    if (kept == null) {
      throw new Rejected("css.selector.pseudo");
    }
    out.add(nodes.get(i));
    if (element) {
      out.add(nodes.get(i + 1));
    }
    out.add(kept);
    return j;
  }

  private static CssNode functionalPseudoClass(Func f, String name, UnaryOperator<String> ids)
      throws Rejected {
    if (SELECTOR_ARGUMENT.contains(name)) {
      return new Func(name, selectorList(f.args(), ids));
    }
    if (NTH.contains(name)) {
      for (CssNode a : f.args()) {
        boolean ok = (a.is(Type.IDENT) && !isOf(a)) || a.is(Type.NUMBER) || a.is(Type.DIMENSION)
            || a.isWhitespace() || a.isDelim('+') || a.isDelim('-');
        if (!ok) {
          throw new Rejected("css.selector.invalid");
        }
      }
      return new Func(name, f.args());
    }
    if (name.equals("lang") || name.equals("dir")) {
      for (CssNode a : f.args()) {
        if (!(a.is(Type.IDENT) || a.is(Type.STRING) || a.is(Type.COMMA) || a.isWhitespace())) {
          throw new Rejected("css.selector.invalid");
        }
      }
      return new Func(name, f.args());
    }
    throw new Rejected("css.selector.pseudo");
  }

  /** {@code :nth-child(An+B of S)}: the selector part is not read, so not kept. */
  private static boolean isOf(CssNode n) {
    return CodePoints.lower(((Tok) n).token().value()).equals("of");
  }
}
