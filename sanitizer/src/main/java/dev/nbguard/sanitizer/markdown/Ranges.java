package dev.nbguard.sanitizer.markdown;

import java.util.List;

/** Offset ranges {start, end} of a text, sorted by start and not overlapping. */
final class Ranges {
  private Ranges() {}

  /** Whether {@code position} lies inside one of {@code ranges}: a binary search. */
  static boolean contain(List<int[]> ranges, int position) {
    int lo = 0;
    int hi = ranges.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int[] r = ranges.get(mid);
      if (position < r[0]) {
        hi = mid - 1;
      } else if (position >= r[1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
