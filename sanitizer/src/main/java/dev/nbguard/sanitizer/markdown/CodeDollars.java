package dev.nbguard.sanitizer.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code $} that JupyterLab's {@code removeMath} hides from its math search because they sit
 * in code: matches of its fenced-block expression {@code ^(`{3,}|~{3,})[^`\n]*\n[\s\S]*?^\k<fence>`*$}
 * (multiline), then of its code-span expression {@code (^|[^\\])(`+)([^\n]*?[^`\n])\2(?!`)}.
 * Both are evaluated here in near-linear time with the same matches as the JavaScript engine
 * (the expressions themselves backtrack quadratically on long lines, which a gateway cannot
 * afford), match for match, leftmost first.
 */
final class CodeDollars {
  private CodeDollars() {}

  /** {@code text} with the {@code $} inside those matches replaced by {@code hidden}. */
  static String hide(String text, char hidden) {
    char[] out = text.toCharArray();
    for (int[] m : fences(text)) {
      hideIn(out, m, hidden);
    }
    String fenced = new String(out);
    for (int[] m : codeSpans(fenced)) {
      hideIn(out, m, hidden);
    }
    return new String(out);
  }

  /**
   * {@code text} with the {@code $} that classic Notebook 6's {@code remove_math}
   * (base/js/mathjaxutils.js) hides replaced by {@code hidden}: nothing unless the text has a
   * backtick; then the same code spans, and matches of its own fence expression {@code
   * ^\s{0,3}(`{3,})(.|\n)*?\1} (multiline: indented up to three, closed by the next run of as
   * many backticks anywhere, no tilde fences).
   */
  static String hideClassic(String text, char hidden) {
    if (text.indexOf('`') < 0) {
      return text;
    }
    char[] out = text.toCharArray();
    for (int[] m : codeSpans(text)) {
      hideIn(out, m, hidden);
    }
    for (int[] m : classicFences(text)) {
      hideIn(out, m, hidden);
    }
    return new String(out);
  }

  /** Matches of classic Notebook's fence expression, as {start, end}, leftmost first. */
  static List<int[]> classicFences(String t) {
    List<Integer> runStarts = new ArrayList<>();
    List<Integer> runLens = new ArrayList<>();
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '`') {
        int end = runEnd(t, i, '`');
        runStarts.add(i);
        runLens.add(end - i);
        i = end - 1;
      }
    }
    MaxTree lens = new MaxTree(runLens);
    int[] nextBreak = new int[t.length() + 1]; // the next \r, \u2028 or \u2029 (or the end)
    nextBreak[t.length()] = t.length();
    for (int i = t.length() - 1; i >= 0; i--) {
      char c = t.charAt(i);
      nextBreak[i] = c == '\r' || c == '\u2028' || c == '\u2029' ? i : nextBreak[i + 1];
    }
    List<int[]> out = new ArrayList<>();
    int p = 0;
    while (p < t.length()) {
      int next = -1;
      if (isLineStart(t, p)) {
        int b = p;
        while (b < t.length() && b - p < 3 && isJsSpace(t.charAt(b))) {
          b++;
        }
        int runLen = b < t.length() && t.charAt(b) == '`' ? runEnd(t, b, '`') - b : 0;
        for (int k = runLen; k >= 3 && next < 0; k--) {
          int close = firstTicks(t, runStarts, lens, b + k, k);
          // (.|\n) crosses no other line terminator: \r, \u2028, \u2029 end the search
          if (close >= 0 && close <= nextBreak[b + k]) {
            next = close + k;
            out.add(new int[] {p, next});
          }
        }
      }
      p = next >= 0 ? next : p + 1;
    }
    return out;
  }

  /** The first position at or after {@code from} where {@code k} backticks follow. */
  private static int firstTicks(String t, List<Integer> runStarts, MaxTree lens, int from,
      int k) {
    int i = lowerBound(runStarts, from);
    if (i > 0) { // the run {@code from} may sit in
      int s = runStarts.get(i - 1);
      if (s + lens.value(i - 1) - from >= k) {
        return from;
      }
    }
    int j = lens.firstAtLeast(i, k);
    return j < 0 ? -1 : runStarts.get(j);
  }

  /** JavaScript's {@code \s}. */
  private static boolean isJsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f'
        || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028'
        || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
  }

  private static void hideIn(char[] out, int[] range, char hidden) {
    for (int i = range[0]; i < range[1]; i++) {
      if (out[i] == '$') {
        out[i] = hidden;
      }
    }
  }

  static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isLineStart(String t, int i) {
    return i == 0 || isLineTerminator(t.charAt(i - 1));
  }

  private static int runEnd(String t, int i, char c) {
    while (i < t.length() && t.charAt(i) == c) {
      i++;
    }
    return i;
  }

  // ---- fenced blocks ----

  /** Matches of the fence expression, as {start, end}. */
  static List<int[]> fences(String t) {
    // closing-line candidates: a line start, then a run of ` or ~, then only backticks to the end
    // of the line (JavaScript's multiline $: a line terminator or the end)
    List<Integer> tickLines = new ArrayList<>();
    List<Integer> tickLens = new ArrayList<>();
    Map<Integer, List<Integer>> tildeLines = new HashMap<>();
    Map<Integer, Integer> closeEnd = new HashMap<>();
    for (int j = 0; j < t.length(); j++) {
      if (!isLineStart(t, j)) {
        continue;
      }
      char c = t.charAt(j);
      if (c != '`' && c != '~') {
        continue;
      }
      int run = runEnd(t, j, c);
      int end = runEnd(t, run, '`');
      if (end < t.length() && !isLineTerminator(t.charAt(end))) {
        continue;
      }
      closeEnd.put(j, end);
      if (c == '`') {
        tickLines.add(j);
        tickLens.add(end - j);
      } else {
        tildeLines.computeIfAbsent(run - j, k -> new ArrayList<>()).add(j);
      }
    }
    MaxTree ticks = new MaxTree(tickLens);
    List<int[]> out = new ArrayList<>();
    int p = 0;
    while (p < t.length()) {
      int next = -1;
      if (isLineStart(t, p) && (t.charAt(p) == '`' || t.charAt(p) == '~')) {
        char c = t.charAt(p);
        int runLen = runEnd(t, p, c) - p;
        int minK = c == '`' ? runLen : 3;
        // the info string runs from the fence to the newline: for every k the same rest of the
        // line after the run (no newline inside a run), which must hold no backtick
        int nl = t.indexOf('\n', p + runLen);
        boolean infoOk = nl >= 0 && t.substring(p + runLen, nl).indexOf('`') < 0;
        for (int k = runLen; infoOk && k >= minK && k >= 3 && next < 0; k--) {
          int close = c == '`'
              ? firstTickLine(tickLines, ticks, nl + 1, k)
              : firstAtOrAfter(tildeLines.getOrDefault(k, List.of()), nl + 1);
          if (close >= 0) {
            next = closeEnd.get(close);
            out.add(new int[] {p, next});
          }
        }
      }
      if (next >= 0) {
        p = next == p ? p + 1 : next;
      } else {
        p++;
      }
    }
    return out;
  }

  private static int firstAtOrAfter(List<Integer> sorted, int from) {
    int i = lowerBound(sorted, from);
    return i < sorted.size() ? sorted.get(i) : -1;
  }

  private static int firstTickLine(List<Integer> lines, MaxTree lens, int from, int minLen) {
    int i = lens.firstAtLeast(lowerBound(lines, from), minLen);
    return i < 0 ? -1 : lines.get(i);
  }

  private static int lowerBound(List<Integer> sorted, int key) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid) < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A max segment tree: the first index at or after {@code from} whose value is at least x. */
  private static final class MaxTree {
    private final int size;
    private final int[] max;

    MaxTree(List<Integer> values) {
      int s = 1;
      while (s < Math.max(1, values.size())) {
        s <<= 1;
      }
      size = s;
      max = new int[2 * s];
      Arrays.fill(max, -1);
      for (int i = 0; i < values.size(); i++) {
        max[s + i] = values.get(i);
      }
      for (int i = s - 1; i >= 1; i--) {
        max[i] = Math.max(max[2 * i], max[2 * i + 1]);
      }
    }

    int value(int i) {
      return max[size + i];
    }

    int firstAtLeast(int from, int x) {
      return from >= size ? -1 : search(1, 0, size, from, x);
    }

    private int search(int node, int lo, int hi, int from, int x) {
      if (hi <= from || max[node] < x) {
        return -1;
      }
      if (hi - lo == 1) {
        return lo;
      }
      int mid = (lo + hi) >>> 1;
      int left = search(2 * node, lo, mid, from, x);
      return left >= 0 ? left : search(2 * node + 1, mid, hi, from, x);
    }
  }

  // ---- code spans ----

  /** Matches of the code-span expression, as {start, end}. */
  static List<int[]> codeSpans(String t) {
    // maximal backtick runs, and per (line, length) the runs in order
    List<int[]> runs = new ArrayList<>();
    Map<Long, List<Integer>> byLineAndLength = new HashMap<>();
    int line = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '`') {
        int end = runEnd(t, i, '`');
        int index = runs.size();
        runs.add(new int[] {i, end - i, line});
        byLineAndLength.computeIfAbsent(key(line, end - i), k -> new ArrayList<>()).add(index);
        i = end - 1;
      }
    }
    List<int[]> out = new ArrayList<>();
    int consumed = 0;
    for (int r = 0; r < runs.size(); r++) {
      int b = runs.get(r)[0];
      int len = runs.get(r)[1];
      if (b < consumed) {
        continue;
      }
      int start;
      int openLen;
      if (b == 0 || (b - 1 >= consumed && t.charAt(b - 1) != '\\')) {
        start = b == 0 ? 0 : b - 1;
        openLen = len;
      } else {
        start = b;
        openLen = len - 1;
      }
      for (int k = openLen; k >= 1; k--) {
        List<Integer> same = byLineAndLength.getOrDefault(key(runs.get(r)[2], k), List.of());
        int i = lowerBound(same, r + 1);
        if (i < same.size()) {
          int[] close = runs.get(same.get(i));
          out.add(new int[] {start, close[0] + k});
          consumed = close[0] + k;
          break;
        }
      }
    }
    return out;
  }

  private static long key(int line, int length) {
    return ((long) line << 32) | length;
  }
}
