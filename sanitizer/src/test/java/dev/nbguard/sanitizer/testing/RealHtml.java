package dev.nbguard.sanitizer.testing;

import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.html.HtmlSanitizer;

/**
 * Whether the real HTML policy is on the classpath (not the skeleton's escape-everything
 * placeholder): tests whose expected output assumes benign HTML survives use it with {@code
 * assumeTrue}, so they run as soon as the HTML sanitizer lands.
 */
public final class RealHtml {
  private RealHtml() {}

  public static boolean available() {
    PolicyConfig config = PolicyConfig.builder(Preset.DEFAULT).build();
    HtmlSanitizer html = new HtmlSanitizer(config, new UrlPolicy(config.urlSchemes()));
    Report report = new Report("text/html");
    return html.sanitize("<b>bold</b>", report).equals("<b>bold</b>") && report.isEmpty();
  }
}
