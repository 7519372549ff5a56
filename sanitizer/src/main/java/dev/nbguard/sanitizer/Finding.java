package dev.nbguard.sanitizer;

import java.util.Objects;

/**
 * One change the policy made: which representation, what was done, by which rule, and a short
 * excerpt of what was removed or rewritten.
 *
 * @param mimeType the representation's MIME type, e.g. {@code text/html}
 * @param action the action taken ({@link Action#SANITIZE} when something inside was rewritten)
 * @param rule a stable dotted name of the rule, e.g. {@code html.attribute.event-handler}
 * @param excerpt at most {@value #MAX_EXCERPT} characters of the offending input
 */
public record Finding(String mimeType, Action action, String rule, String excerpt) {
  public static final int MAX_EXCERPT = 80;

  public Finding {
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(rule, "rule");
    excerpt = shorten(excerpt == null ? "" : excerpt);
  }

  static String shorten(String s) {
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT - 1) + "…";
  }
}
