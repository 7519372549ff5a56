package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * CSS in output: {@code style} attributes and {@code <style>} blocks. Input is tokenized as a
 * browser does (CSS Syntax Level 3), every decision is taken on the decoded tokens, and only what
 * is kept is written back, canonically; nothing of the input is echoed. Removals are reported as
 * findings ({@code css.*} rules, see the package documentation); malformed CSS is dropped, never
 * thrown. Immutable and thread-safe: build one per policy.
 */
public final class CssSanitizer {
  private final DeclarationFilter declarations;
  private final StylesheetFilter stylesheets;

  /**
   * @param allowedProperties the properties declarations may set (compared in ASCII lower case)
   * @param urls decides which {@code data:} images CSS may keep; no other URL is kept except
   *     {@code url(#id)}
   */
  public CssSanitizer(Set<String> allowedProperties, UrlPolicy urls) {
    this.declarations = new DeclarationFilter(allowedProperties, urls);
    this.stylesheets = new StylesheetFilter(declarations);
  }

  /** A {@code style="…"} value: the declarations that may stay ("" when none). */
  public String sanitizeDeclarations(String declarations, Report report) {
    List<CssToken> tokens = CssTokenizer.tokenize(declarations);
    if (!CssParser.withinDepth(tokens)) {
      report.sanitized("css.limit.nesting", head(declarations));
      return "";
    }
    Findings findings = new Findings(report);
    List<String> kept =
        this.declarations.filter(
            CssParser.componentValues(tokens), UnaryOperator.identity(), findings);
    findings.close();
    return String.join("; ", kept);
  }

  /**
   * A {@code <style>} block's text: the rules that may stay ("" when none).
   *
   * @param idRewriter maps an id used in a {@code #id} selector to the id the HTML now carries
   *     (ids are prefixed against DOM clobbering), e.g. {@code T_1_row0 -> nbg-T_1_row0}; also
   *     applied to {@code [id=…]} selectors and {@code url(#id)} references
   */
  public String sanitizeStylesheet(String css, UnaryOperator<String> idRewriter, Report report) {
    return sheet(css, StylesheetFilter.Context.unscoped(idRewriter), report);
  }

  /**
   * As {@link #sanitizeStylesheet(String, UnaryOperator, Report)}, and every kept selector is
   * confined to the descendants of {@code scopeSelector}: {@code td, *} becomes {@code S td, S *}.
   * Unscoped, a kept rule such as {@code div { display: none }} applies to the whole page; with a
   * scope that output cannot forge (e.g. {@code [data-nbguard-output]} on a wrapper element: the
   * HTML sanitizer removes {@code data-*} from output and this one refuses {@code [data-…]}
   * selectors), it applies to the output only. A selector that already starts with the scope
   * (scoped output sanitized again) is not scoped twice.
   *
   * @param scopeSelector a trusted compound or complex selector, written as given; must not
   *     contain {@code , ; { } < &}, a backslash or a control character
   * @throws IllegalArgumentException if {@code scopeSelector} is blank or contains one of those
   */
  public String sanitizeStylesheet(
      String css, UnaryOperator<String> idRewriter, String scopeSelector, Report report) {
    String scope = scopeSelector.strip();
    if (scope.isEmpty() || scope.chars().anyMatch(c -> ",;{}<&\\".indexOf(c) >= 0 || c < 0x20)) {
      throw new IllegalArgumentException("not a plain scope selector: '" + scopeSelector + "'");
    }
    return sheet(css, StylesheetFilter.Context.scoped(idRewriter, scope), report);
  }

  private String sheet(String css, StylesheetFilter.Context cx, Report report) {
    List<CssToken> tokens = CssTokenizer.tokenize(css);
    if (!CssParser.withinDepth(tokens)) {
      report.sanitized("css.limit.nesting", head(css));
      return "";
    }
    StringBuilder out = new StringBuilder(css.length());
    Findings findings = new Findings(report);
    stylesheets.rules(CssParser.rules(CssParser.componentValues(tokens)), cx, findings, out);
    findings.close();
    return out.toString();
  }

  /** The start of refused input, for a finding (the finding shortens it further). */
  private static String head(String input) {
    return input.length() <= 200 ? input : input.substring(0, 200);
  }
}
