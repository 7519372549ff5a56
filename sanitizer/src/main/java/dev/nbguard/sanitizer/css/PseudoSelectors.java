package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.Func;
import dev.nbguard.sanitizer.css.CssNode.Tok;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pseudo-classes and pseudo-elements of a selector: an allowlist; {@code :not()}, {@code :is()}
 * and {@code :where()} are checked as selector lists; {@code :has()} and the shadow-DOM and
 * top-layer ones reach outside the output; a bare {@code ::selection} styles the whole page.
 */
final class PseudoSelectors {
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

  private PseudoSelectors() {}

  /** Whether the colon at {@code nodes[i]} starts a pseudo-element ({@code ::x}, {@code :before}). */
  static boolean isElement(List<CssNode> nodes, int i) {
    if (i + 1 >= nodes.size()) {
      return false;
    }
    CssNode next = nodes.get(i + 1);
    return next.is(Type.COLON)
        || (next instanceof Tok t && t.token().is(Type.IDENT)
            && LEGACY_PSEUDO_ELEMENTS.contains(CodePoints.lower(t.token().value())));
  }

  /** Checks the pseudo-class or pseudo-element at {@code nodes[i]} (a colon); the last index used. */
  static int check(
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
      return new Func(name, SelectorFilter.selectorList(f.args(), ids));
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
