package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.List;
import java.util.function.UnaryOperator;

/** The CSS sanitizer as the default preset builds it, and helpers to call it. */
final class CssTestSupport {
  static final PolicyConfig CONFIG = PolicyConfig.builder(Preset.DEFAULT).build();
  static final CssSanitizer CSS =
      new CssSanitizer(CONFIG.cssProperties(), new UrlPolicy(CONFIG.urlSchemes()));

  /** As the HTML sanitizer's id prefixing: idempotent. */
  static final UnaryOperator<String> IDS = id -> id.startsWith("nbg-") ? id : "nbg-" + id;

  private CssTestSupport() {}

  record Result(String css, List<Finding> findings) {
    List<String> rules() {
      return findings.stream().map(Finding::rule).toList();
    }
  }

  static Result declarations(String style) {
    Report report = new Report("text/html");
    String out = CSS.sanitizeDeclarations(style, report);
    return new Result(out, report.findings());
  }

  static Result stylesheet(String css) {
    Report report = new Report("text/html");
    String out = CSS.sanitizeStylesheet(css, IDS, report);
    return new Result(out, report.findings());
  }
}
