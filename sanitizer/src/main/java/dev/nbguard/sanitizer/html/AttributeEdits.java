package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Report;
import org.jsoup.nodes.Element;

/** The attribute edits the HTML and SVG cleaners share. */
public final class AttributeEdits {
  private AttributeEdits() {}

  /** Sets {@code key} to {@code value}, or removes it when the cleaned value is blank. */
  public static void setOrRemove(Element el, String key, String value) {
    if (value.isBlank()) {
      el.removeAttr(key);
    } else {
      el.attributes().put(key, value);
    }
  }

  /** Removes {@code key} and reports it under {@code rule}. */
  public static void drop(Element el, String key, String rule, String value, Report report) {
    el.removeAttr(key);
    report.sanitized(rule, Excerpts.of(key, value));
  }

  /**
   * A link ({@code a}, {@code area}, SVG {@code a}) that leaves the output opens a new tab with
   * no opener and no referrer. JupyterLab retargets only the HTML {@code <a>} of its own
   * renderers: an {@code <area>}, an SVG link or a link in widget HTML would otherwise replace
   * the notebook page when clicked. A same-document {@code #fragment} stays in the page. An
   * element that links nowhere keeps no {@code rel}.
   */
  public static void linkOpensNewTab(Element el) {
    boolean plain = el.hasAttr("href");
    if (!plain && !el.hasAttr("xlink:href")) {
      el.removeAttr("rel");
      return;
    }
    el.attributes().put("rel", "noopener noreferrer");
    if (!IdPrefix.isFragment(el.attr(plain ? "href" : "xlink:href"))) {
      el.attributes().put("target", "_blank");
    }
  }
}
