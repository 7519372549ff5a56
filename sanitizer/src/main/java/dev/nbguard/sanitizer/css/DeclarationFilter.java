package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Tok;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A declaration list ({@code style} attribute or a rule's block): splits it at top-level
 * semicolons, keeps each {@code property: value [!important]} whose property is allowed and whose
 * value passes {@link ValueFilter}, and writes the kept ones canonically. Everything else is
 * dropped and reported: nested rules and at-rules, broken declarations. Custom properties
 * ({@code --x}) are kept when their value passes like any other: {@code var()} may then read them.
 */
final class DeclarationFilter {
  private static final Set<String> BINDINGS = Set.of("behavior", "-ms-behavior", "-moz-binding");
  private static final Set<String> POSITIONS = Set.of("static", "relative", "absolute", "sticky");

  private final Set<String> allowed;
  private final ValueFilter values;

  DeclarationFilter(Set<String> allowedProperties, UrlPolicy urls) {
    Set<String> lower = new java.util.HashSet<>();
    for (String p : allowedProperties) {
      lower.add(CodePoints.lower(p.strip()));
    }
    this.allowed = Set.copyOf(lower);
    this.values = new ValueFilter(urls);
  }

  /** The kept declarations, each as {@code name: value} or {@code name: value !important}. */
  List<String> filter(
      List<CssNode> list, UnaryOperator<String> fragments, Findings findings) {
    List<String> kept = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= list.size(); i++) {
      if (i == list.size() || list.get(i).is(Type.SEMICOLON)) {
        List<CssNode> item = CssWriter.trim(list.subList(start, i));
        start = i + 1;
        if (!item.isEmpty()) {
          try {
            kept.add(declaration(item, fragments));
          } catch (Rejected r) {
            findings.add(r.rule(), () -> CssWriter.excerpt(item));
          }
        }
      }
    }
    return kept;
  }

  private String declaration(List<CssNode> item, UnaryOperator<String> fragments)
      throws Rejected {
    CssNode first = item.get(0);
    if (first.is(Type.AT_KEYWORD)) {
      throw new Rejected("css.at-rule.nested");
    }
    if (!first.is(Type.IDENT)) {
      throw new Rejected(hasCurlyBlock(item) ? "css.rule.nested" : "css.parse-error");
    }
    int i = 1;
    while (i < item.size() && item.get(i).isWhitespace()) {
      i++;
    }
    if (i == item.size() || !item.get(i).is(Type.COLON)) {
      throw new Rejected(hasCurlyBlock(item) ? "css.rule.nested" : "css.parse-error");
    }
    List<CssNode> value = CssWriter.trim(item.subList(i + 1, item.size()));
    if (hasCurlyBlock(value)) {
      throw new Rejected("css.rule.nested");
    }
    boolean important = false;
    int n = value.size();
    if (n >= 2 && isIdent(value.get(n - 1), "important")) {
      List<CssNode> rest = CssWriter.trim(value.subList(0, n - 1));
      if (!rest.isEmpty() && rest.get(rest.size() - 1).isDelim('!')) {
        important = true;
        value = CssWriter.trim(rest.subList(0, rest.size() - 1));
      }
    }
    String raw = ((Tok) first).token().value();
    boolean custom = raw.startsWith("--");
    String name = custom ? raw : CodePoints.lower(raw); // custom properties keep their case
    if (BINDINGS.contains(name)) {
      throw new Rejected("css.property.binding");
    }
    if (!custom && !allowed.contains(name)) {
      throw new Rejected("css.property.not-allowed");
    }
    if (value.isEmpty()) {
      throw new Rejected("css.parse-error");
    }
    if (name.equals("position") && !(value.size() == 1 && value.get(0) instanceof Tok t
        && t.token().is(Type.IDENT) && POSITIONS.contains(CodePoints.lower(t.token().value())))) {
      throw new Rejected("css.value.position"); // fixed: over the page, outside any output
    }
    List<CssNode> checked = values.check(value, fragments);
    StringBuilder sb = new StringBuilder(name.length() + 16);
    Escapes.ident(name, sb).append(": ").append(CssWriter.write(checked));
    return important ? sb.append(" !important").toString() : sb.toString();
  }

  private static boolean isIdent(CssNode n, String name) {
    return n instanceof Tok t
        && t.token().is(Type.IDENT)
        && CodePoints.lower(t.token().value()).equals(name);
  }

  private static boolean hasCurlyBlock(List<CssNode> nodes) {
    for (CssNode n : nodes) {
      if (n instanceof Block b && b.open() == Type.LEFT_CURLY) {
        return true;
      }
    }
    return false;
  }
}
