package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;

/** The static-HTML policy. Placeholder: escapes everything until implemented. */
public final class HtmlSanitizer {
  public HtmlSanitizer(PolicyConfig config, UrlPolicy urls) {}

  /** Returns HTML with nothing that can run script or reach the page. */
  public String sanitize(String html, Report report) {
    report.sanitized("html.placeholder", html);
    return org.jsoup.nodes.Entities.escape(html);
  }
}
