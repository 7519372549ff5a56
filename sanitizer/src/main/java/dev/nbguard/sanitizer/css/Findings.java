package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.Report;
import java.util.function.Supplier;

/**
 * The findings of one call, passed on to its {@link Report} up to {@link #MAX}; the rest are
 * counted in one {@code css.findings.truncated} finding, so that a style sheet of millions of
 * refused declarations cannot turn into millions of findings. Excerpts are only built for the
 * findings that are kept. One instance per call.
 */
final class Findings {
  static final int MAX = 100;

  private final Report report;
  private int count;

  Findings(Report report) {
    this.report = report;
  }

  void add(String rule, Supplier<String> excerpt) {
    if (count++ < MAX) {
      report.sanitized(rule, excerpt.get());
    }
  }

  /** Reports how many findings were not listed, if any. */
  void close() {
    if (count > MAX) {
      report.sanitized("css.findings.truncated", (count - MAX) + " more CSS findings");
    }
  }
}
