package dev.nbguard.sanitizer.vega;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vega expressions are parsed by vega-expression, which only lets whitelisted identifiers and
 * functions through — but that sandbox has been escaped repeatedly through functions that reach
 * the browser: {@code lassoAppend} (CVE-2023-26487), {@code event.view} with {@code scale()}
 * (vega#3984), {@code vlSelectionTuples} (CVE-2025-25304), {@code toString} with {@code
 * VEGA_DEBUG} (CVE-2025-59840). Any string in a spec can be an expression (signals, filters,
 * {@code calculate}, event-stream filters, {@code expr} values), so every string value is checked
 * for the identifiers these escapes need; benign charts (Altair's among them) use none of them.
 *
 * <p>{@code toDate} is an ordinary date function; it is only refused when called with something
 * other than a literal or a plain {@code datum} field.
 */
final class ExpressionGadgets {
  private static final Pattern GADGET =
      Pattern.compile(
          "\\bevent\\s*(?:\\.\\s*(?:view|target|currentTarget|srcElement|relatedTarget|path|composedPath|"
              + "toElement|fromElement|source)\\b|\\[)"
              + "|\\b(?:window|document|globalThis|self|top|parent|frames|opener|location)\\s*[.\\[]"
              + "|\\b(?:constructor|__proto__|prototype|__defineGetter__|__defineSetter__|__lookupGetter__"
              + "|setTimeout|setInterval|setImmediate|requestAnimationFrame|queueMicrotask|eval"
              + "|lassoAppend|vlSelectionTuples|toString|valueOf|VEGA_DEBUG|importScripts)\\b"
              + "|\\b(?:Function|import|copy)\\s*\\(");
  private static final Pattern TO_DATE = Pattern.compile("\\btoDate\\s*\\(");
  private static final Pattern SAFE_TO_DATE_ARGUMENT =
      Pattern.compile(
          "\\s*(?:datum\\s*(?:\\.\\s*[A-Za-z_$][\\w$]*|\\[\\s*(?:\"[^\"]*\"|'[^']*')\\s*])"
              + "|\"[^\"]*\"|'[^']*'|-?[0-9.]+)\\s*\\)");

  private ExpressionGadgets() {}

  /** The offending part of {@code text}, or empty when it holds no known gadget. */
  static Optional<String> find(String text) {
    Matcher g = GADGET.matcher(text);
    if (g.find()) {
      return Optional.of(g.group());
    }
    Matcher d = TO_DATE.matcher(text);
    while (d.find()) {
      Matcher arg = SAFE_TO_DATE_ARGUMENT.matcher(text).region(d.end(), text.length());
      if (!arg.lookingAt()) {
        return Optional.of(text.substring(d.start(), Math.min(text.length(), d.end() + 30)));
      }
    }
    return Optional.empty();
  }
}
