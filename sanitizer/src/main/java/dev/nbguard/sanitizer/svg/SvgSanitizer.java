package dev.nbguard.sanitizer.svg;

import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.RepresentationSanitizer;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.css.CssSanitizer;
import dev.nbguard.sanitizer.html.HtmlVerifier;
import java.util.Optional;

/**
 * {@code image/svg+xml}: the SVG document is parsed as XML (no DTD, no entity expansion), cleaned
 * by the shared SVG allowlist ({@link SvgTreeCleaner}), and written back as well-formed XML
 * ({@link SvgDocuments}). The output must also be safe where the classic Notebook inlines it
 * with {@code innerHTML}: it is checked with the HTML mXSS verifier, and as XML. A document that
 * fails either check is dropped (fail closed).
 */
public final class SvgSanitizer implements RepresentationSanitizer {
  private final SvgTreeCleaner cleaner;
  private final HtmlVerifier verifier;

  public SvgSanitizer(PolicyConfig config, UrlPolicy urls) {
    this.cleaner = new SvgTreeCleaner(urls, new CssSanitizer(config.cssProperties(), urls));
    this.verifier = new HtmlVerifier(urls);
  }

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    String text = r.text();
    if (action == Action.ALLOW) {
      return Optional.of(r); // a policy file said so explicitly
    }
    String out = sanitize(text, report);
    return Optional.of(out.equals(text) ? r : r.withText(out));
  }

  /**
   * The sanitized SVG document.
   *
   * @throws IllegalArgumentException when the input has no {@code <svg>} root or the result does
   *     not pass the checks (the caller drops the representation)
   */
  public String sanitize(String svg, Report report) {
    String out = SvgDocuments.clean(svg, cleaner, report);
    Optional<String> problem = verifier.check(out);
    if (problem.isPresent()) {
      report.add(Action.DROP, "svg.verify-failed", problem.get());
      throw new IllegalArgumentException("sanitized SVG failed the HTML check: " + problem.get());
    }
    SvgDocuments.requireWellFormed(out);
    return out;
  }
}
