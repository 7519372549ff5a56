package dev.nbguard.sanitizer.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A replacement of {@code [start, end)} of the source text. */
record Edit(int start, int end, String replacement) {
  Edit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range " + start + ".." + end);
    }
  }

  /**
   * Applies non-overlapping edits; overlapping edits are a bug in the caller and throw, so the
   * representation is dropped rather than half-rewritten.
   */
  static String apply(String text, List<Edit> edits) {
    if (edits.isEmpty()) {
      return text;
    }
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
    StringBuilder out = new StringBuilder(text.length() + 64);
    int pos = 0;
    for (Edit e : sorted) {
      if (e.start() < pos || e.end() > text.length()) {
        throw new IllegalStateException("overlapping Markdown edits at " + e.start());
      }
      out.append(text, pos, e.start()).append(e.replacement());
      pos = e.end();
    }
    out.append(text, pos, text.length());
    return out.toString();
  }
}
