package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.css.CssSanitizer;
import dev.nbguard.sanitizer.svg.SvgTreeCleaner;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The static-HTML policy. One HTML5 parse (jsoup, the tree a browser builds for {@code
 * innerHTML} in a {@code <div>}) feeds the allowlist walk ({@link HtmlRules}, inline SVG through
 * the shared SVG allowlist); the result is serialized, parsed once more and checked by {@link
 * HtmlVerifier} (the mXSS check). If the check finds anything, the whole input is returned as
 * escaped text (fail closed, rule {@code html.verify-failed}). When the re-parsed tree differs
 * from the cleaned one (parser fix-ups), the re-parsed tree goes round again, at most three
 * times, so the output is a fixed point: what is checked is what the browser builds.
 *
 * <p>Built once per policy; immutable and thread-safe. Idempotent: ids already carrying the
 * {@code nbg-} prefix keep it, so {@code sanitize(sanitize(x))} equals {@code sanitize(x)}.
 */
public final class HtmlSanitizer {
  private static final int MAX_ROUNDS = 3;
  private final HtmlTreeCleaner cleaner;
  private final CssSanitizer css;
  private final HtmlVerifier verifier;

  public HtmlSanitizer(PolicyConfig config, UrlPolicy urls) {
    this.css = new CssSanitizer(config.cssProperties(), urls);
    this.cleaner = new HtmlTreeCleaner(urls, css, new SvgTreeCleaner(urls, css));
    this.verifier = new HtmlVerifier(urls);
  }

  /** Returns HTML with nothing that can run script or reach the page. */
  public String sanitize(String html, Report report) {
    return sanitizeParsed(HtmlFragments.parse(html), html, report);
  }

  /**
   * Sanitizes a fragment already parsed by {@link HtmlFragments#parse} (consumed: it is changed
   * in place), so a caller that looked at the tree first does not parse the HTML twice.
   */
  String sanitizeParsed(Element fragment, String original, Report report) {
    Element tree = fragment;
    // an earlier pass's key stays (sanitizing twice changes nothing); else one from the input
    Optional<String> earlierKey = OutputScope.unwrap(tree);
    Supplier<String> key = earlierKey.isPresent() ? earlierKey::get : () -> OutputScope.keyFor(original);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (round > 0) {
        OutputScope.unwrap(tree);
      }
      StyleAttributes styles = new StyleAttributes(css, report, key);
      cleaner.clean(tree, report, styles);
      if (original.indexOf('#') >= 0) { // no fragment link without a '#' (a table: none)
        FragmentLinks.unprefixOutsideTargets(tree);
      }
      if (styles.keptStylesheet()) {
        OutputScope.wrap(tree, styles.scopeKey());
      }
      String out = HtmlFragments.serialize(tree, original.length());
      Element reparsed = HtmlFragments.parse(out);
      // One walk compares the trees and checks every re-parsed node (the mXSS check) ...
      TreeComparison.Outcome outcome = TreeComparison.compare(tree, reparsed, verifier::problemWith);
      // ... but when they differ it stopped early: then the whole re-parsed tree is checked.
      Optional<String> problem =
          outcome.same() ? outcome.problem() : outcome.problem().or(() -> verifier.check(reparsed));
      if (problem.isPresent()) {
        return failClosed(original, problem.get(), report);
      }
      if (outcome.same()) {
        return out; // the browser builds the tree we checked, and sanitizing again changes nothing
      }
      // The parser's fix-ups (tables, select, misnested formatting) turn our output into another
      // tree: that tree is what the browser will see, so it goes round once more.
      tree = reparsed;
    }
    return failClosed(original, "the output does not reach a fixed point", report);
  }

  private static String failClosed(String original, String problem, Report report) {
    report.sanitized("html.verify-failed", problem);
    return Entities.escape(original);
  }

  /**
   * Whether a browser builds the same tree from {@code original} as from {@code sanitized} (both
   * as {@code innerHTML} of a {@code <div>}): then a caller may keep the original text, bytes and
   * all ({@code a < b} in a widget label stays {@code a < b}), because the policy changed nothing
   * the browser would see, silent rewrites included (ids prefixed, links retargeted).
   */
  public static boolean sameForBrowser(String original, String sanitized) {
    return original.equals(sanitized)
        || TreeComparison.same(HtmlFragments.parse(original), HtmlFragments.parse(sanitized));
  }

  /** The mXSS check, for other handlers that emit HTML. */
  public HtmlVerifier verifier() {
    return verifier;
  }
}
