package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.css.CssSanitizer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CSS of one sanitize call: {@code style} attribute values through the CSS policy, remembering the results of one
 * sanitize call (matplotlib repeats the same few styles thousands of times). One instance per
 * call, never shared: nothing of one output can reach another. Only results without findings
 * are remembered, so every finding is still reported where it occurs.
 */
public final class StyleAttributes {
  private static final int MAX_ENTRIES = 4096;
  private final CssSanitizer css;
  private final Report report;
  private final Map<String, String> seen = new HashMap<>();
  private final Supplier<String> keySource;
  private String scopeKey;
  private boolean keptStylesheet;

  /**
   * @param scopeKey the output's scope key ({@link OutputScope#keyFor}), asked for only when a
   *     stylesheet is kept, at most once
   */
  public StyleAttributes(CssSanitizer css, Report report, Supplier<String> scopeKey) {
    this.css = css;
    this.report = report;
    this.keySource = scopeKey;
  }

  /**
   * A {@code <style>} block's rules that may stay, confined to the output's scope element
   * ({@link OutputScope}); "" when none.
   */
  public String stylesheet(String sheet) {
    String out = css.sanitizeStylesheet(sheet, IdPrefix::id, OutputScope.selector(scopeKey()), report);
    keptStylesheet |= !out.isBlank();
    return out;
  }

  /** The output's scope key: what its wrapper carries when a stylesheet was kept. */
  public String scopeKey() {
    if (scopeKey == null) {
      scopeKey = keySource.get();
    }
    return scopeKey;
  }

  /** True when a stylesheet was kept: the output must then carry the scope attribute. */
  public boolean keptStylesheet() {
    return keptStylesheet;
  }

  /** The declarations of {@code value} that may stay, {@code url(#id)} references prefixed. */
  public String sanitize(String value) {
    String known = seen.get(value);
    if (known != null) {
      return known;
    }
    Report local = new Report(report.mimeType());
    String out = css.sanitizeDeclarations(IdPrefix.cssUrlRefs(value), local);
    if (local.isEmpty()) {
      if (seen.size() < MAX_ENTRIES) {
        seen.put(value, out);
      }
    } else {
      report.addAll(local.findings());
    }
    return out;
  }
}
