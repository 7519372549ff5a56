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
      report.sanitized("css.limit.nesting", declarations);
      return "";
    }
    List<String> kept =
        this.declarations.filter(
            CssParser.componentValues(tokens), UnaryOperator.identity(), report);
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
    List<CssToken> tokens = CssTokenizer.tokenize(css);
    if (!CssParser.withinDepth(tokens)) {
      report.sanitized("css.limit.nesting", css);
      return "";
    }
    StringBuilder out = new StringBuilder(css.length());
    stylesheets.rules(
        CssParser.rules(CssParser.componentValues(tokens)), idRewriter, report, out);
    return out.toString();
  }
}
