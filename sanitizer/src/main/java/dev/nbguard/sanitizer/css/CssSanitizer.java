package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * CSS in output: {@code style} attributes and {@code <style>} blocks. Placeholder: removes all CSS
 * until implemented (fail closed).
 */
public final class CssSanitizer {
  public CssSanitizer(Set<String> allowedProperties, UrlPolicy urls) {}

  /** A {@code style="…"} value: the declarations that may stay ("" when none). */
  public String sanitizeDeclarations(String declarations, Report report) {
    if (!declarations.isBlank()) {
      report.sanitized("css.placeholder", declarations);
    }
    return "";
  }

  /**
   * A {@code <style>} block's text: the rules that may stay ("" when none).
   *
   * @param idRewriter maps an id used in a {@code #id} selector to the id the HTML now carries
   *     (ids are prefixed against DOM clobbering), e.g. {@code T_1_row0 -> nbg-T_1_row0}
   */
  public String sanitizeStylesheet(String css, UnaryOperator<String> idRewriter, Report report) {
    if (!css.isBlank()) {
      report.sanitized("css.placeholder", css);
    }
    return "";
  }
}
