package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.AtRule;
import dev.nbguard.sanitizer.css.CssNode.Broken;
import dev.nbguard.sanitizer.css.CssNode.QualifiedRule;
import dev.nbguard.sanitizer.css.CssNode.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The rules of a stylesheet: style rules through {@link SelectorFilter} and {@link
 * DeclarationFilter}; {@code @media} and {@code @supports} kept with their rules filtered the
 * same way; every other at-rule dropped — {@code @import}, {@code @font-face} and {@code
 * @namespace} load from elsewhere, {@code @keyframes}, {@code @property}, {@code @layer}, {@code
 * @page}, {@code @counter-style}, {@code @font-feature-values} define page-wide names the
 * application's own styles use (an output's {@code @keyframes jp-…} would replace JupyterLab's),
 * {@code @container}, {@code @scope}, {@code @starting-style} and the rest are not needed by
 * output. A rule with nothing left is dropped silently (its parts were reported).
 */
final class StylesheetFilter {
  private static final Set<String> NAMED_AT_RULES =
      Set.of(
          "import", "font-face", "namespace", "charset", "page", "property", "layer",
          "container", "keyframes", "counter-style", "font-feature-values",
          "font-palette-values", "scope", "starting-style", "document", "viewport",
          "view-transition", "position-try");

  private final DeclarationFilter declarations;

  StylesheetFilter(DeclarationFilter declarations) {
    this.declarations = declarations;
  }

  /**
   * How selectors are rewritten: ids through {@code ids}; each complex selector prefixed with
   * {@code scope} ("" for none, else a trusted selector), parsed as {@code scopeNodes}.
   */
  record Context(UnaryOperator<String> ids, String scope, List<CssNode> scopeNodes) {
    static Context unscoped(UnaryOperator<String> ids) {
      return new Context(ids, "", List.of());
    }

    static Context scoped(UnaryOperator<String> ids, String scope) {
      List<CssNode> nodes = CssParser.componentValues(CssTokenizer.tokenize(scope));
      return new Context(ids, CssWriter.write(nodes) + " ", CssWriter.trim(nodes));
    }
  }

  void rules(List<Rule> rules, Context cx, Findings findings, StringBuilder out) {
    for (Rule rule : rules) {
      if (rule instanceof QualifiedRule q) {
        styleRule(q, cx, findings, out);
      } else if (rule instanceof AtRule a) {
        atRule(a, cx, findings, out);
      } else if (rule instanceof Broken b) {
        findings.add("css.parse-error", () -> CssWriter.excerpt(b.nodes()));
      }
    }
  }

  private void styleRule(QualifiedRule q, Context cx, Findings findings, StringBuilder out) {
    List<List<CssNode>> selectors;
    try {
      selectors = SelectorFilter.rewrite(CssWriter.trim(q.prelude()), cx.ids(), cx.scopeNodes());
    } catch (Rejected r) {
      findings.add(r.rule(), () -> CssWriter.excerpt(q.prelude()));
      return;
    }
    List<String> kept = declarations.filter(q.block().content(), cx.ids(), findings);
    if (kept.isEmpty()) {
      return;
    }
    for (int i = 0; i < selectors.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      if (selectors.get(i).isEmpty()) {
        out.append(cx.scope().strip()); // :root of scoped output: the scope element
      } else {
        out.append(cx.scope()).append(CssWriter.write(selectors.get(i)));
      }
    }
    out.append(" {");
    for (String d : kept) {
      out.append(' ').append(d).append(';');
    }
    out.append(" }\n");
  }

  private void atRule(AtRule a, Context cx, Findings findings, StringBuilder out) {
    String name = CodePoints.lower(a.name());
    Supplier<String> excerpt = () -> "@" + a.name() + " " + CssWriter.excerpt(a.prelude());
    boolean grouping = name.equals("media") || name.equals("supports");
    if (!grouping || a.block().isEmpty()) {
      findings.add(ruleFor(name), excerpt);
      return;
    }
    List<CssNode> prelude = CssWriter.trim(a.prelude());
    try {
      if (name.equals("media")) {
        AtRulePreludes.media(prelude);
      } else {
        if (prelude.isEmpty()) {
          throw new Rejected("css.at-rule.supports-condition");
        }
        AtRulePreludes.supports(prelude);
      }
    } catch (Rejected r) {
      findings.add(r.rule(), excerpt);
      return;
    }
    StringBuilder inner = new StringBuilder();
    rules(CssParser.rules(a.block().get().content()), cx, findings, inner);
    if (inner.length() > 0) {
      out.append('@').append(name);
      if (!prelude.isEmpty()) {
        out.append(' ').append(CssWriter.write(prelude));
      }
      out.append(" {\n").append(inner).append("}\n");
    }
  }

  /** A stable rule name: never built from the input beyond a fixed list of names. */
  private static String ruleFor(String atRule) {
    String bare = atRule.replaceFirst("^-(webkit|moz|ms|o)-", "");
    if (bare.equals("media") || bare.equals("supports")) {
      return "css.parse-error";
    }
    return NAMED_AT_RULES.contains(bare) ? "css.at-rule." + bare : "css.at-rule.unknown";
  }
}
