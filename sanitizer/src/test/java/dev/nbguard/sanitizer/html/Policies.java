package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.List;

/** Test helpers: the default policy's HTML sanitizer and a one-call sanitize. */
final class Policies {
  static final PolicyConfig CONFIG = PolicyConfig.builder(Preset.DEFAULT).build();
  static final UrlPolicy URLS = new UrlPolicy(CONFIG.urlSchemes());
  static final HtmlSanitizer HTML = new HtmlSanitizer(CONFIG, URLS);

  private Policies() {}

  record Result(String html, List<Finding> findings) {
    boolean has(String rule) {
      return findings.stream().anyMatch(f -> f.rule().equals(rule));
    }

    List<String> rules() {
      return findings.stream().map(Finding::rule).toList();
    }
  }

  static Result sanitize(String html) {
    Report report = new Report("text/html");
    String out = HTML.sanitize(html, report);
    return new Result(out, report.findings());
  }
}
