package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Report;
import org.jsoup.nodes.Element;

/** The two attribute edits the HTML and SVG cleaners share. */
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
}
