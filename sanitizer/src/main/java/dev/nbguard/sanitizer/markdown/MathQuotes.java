package dev.nbguard.sanitizer.markdown;

import dev.nbguard.sanitizer.Report;
import java.util.List;

/**
 * Double quotes inside the math regions JupyterLab pulls out of Markdown ({@link MathSpans}).
 * marked writes a placeholder where the region was, also into {@code alt}, {@code title} and
 * {@code href} values it quotes with {@code "}; the region then comes back with only {@code &},
 * {@code <} and {@code >} escaped, so its {@code "} would end the attribute and start new ones.
 * Each becomes <code>&#92;unicode{x22}</code>, which MathJax typesets as the same character.
 */
final class MathQuotes {
  static final String QUOTE = "\\unicode{x22}";

  private MathQuotes() {}

  /** {@code text} with every {@code "} inside a math region replaced; unchanged when none. */
  static String clean(String text, Report report) {
    if (text.indexOf('"') < 0) {
      return text;
    }
    List<int[]> spans = MathSpans.find(text);
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    for (int[] span : spans) { // each span read once: linear in the text
      boolean reported = false;
      for (int i = span[0]; i < span[1]; i++) {
        if (text.charAt(i) == '"') {
          if (!reported) {
            report.sanitized("markdown.math.quote",
                text.substring(span[0], Math.min(span[1], span[0] + 60)));
            reported = true;
          }
          out.append(text, pos, i).append(QUOTE);
          pos = i + 1;
        }
      }
    }
    return pos == 0 ? text : out.append(text, pos, text.length()).toString();
  }
}
