package dev.nbguard.sanitizer.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where JupyterLab finds math in Markdown: a port of {@code removeMath} of
 * {@code @jupyterlab/rendermime} (latex.ts), which runs before marked. Each math region is cut
 * out, replaced by an {@code @@n@@} placeholder, and after marked has rendered the rest put back
 * into the HTML with only {@code &}, {@code <} and {@code >} escaped. So a region's text lands
 * wherever the placeholder did, attribute values included ({@code ![$"…$](x)} becomes {@code
 * alt="$"…$"}), and a {@code >} inside a region can no longer end a raw HTML tag.
 *
 * <p>Offsets are in the caller's text (JupyterLab first turns {@code \r\n} and {@code \r} into
 * {@code \n}; the port maps back). Code that JupyterLab hides from the math search (fenced blocks
 * at column 0 and code spans, found with its own regular expressions) holds no region.
 *
 * <p>Classic Notebook 6's {@code remove_math} is the same search, but hides other code ({@link
 * CodeDollars#hideClassic}), so the two can pair dollars differently. {@link #find} returns what
 * is math to either: the union of both frontends' regions.
 */
public final class MathSpans {
  /** JavaScript's {@code \s}. */
  private static final String JS_SPACE =
      "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";
  private static final Pattern MATHSPLIT = Pattern.compile(
      "(\\$\\$?|\\\\(?:begin|end)\\{[a-z]*\\*?}|\\\\[{}$]|[{}]|(?:\\n" + JS_SPACE
          + "*)+|@@\\d+@@|\\\\\\\\[()\\[\\]])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TWO_LINES = Pattern.compile("\\n[^\\n\\r\\u2028\\u2029]*\\n");
  /** Stands for a {@code $} JupyterLab hid as {@code ~D}: matches nothing in {@link #MATHSPLIT}. */
  private static final char HIDDEN_DOLLAR = '\u0000';

  private MathSpans() {}

  /**
   * The {start, end} offsets in {@code text} of each math region of JupyterLab or classic
   * Notebook, in order, overlapping ones merged. Near-linear time (see {@link CodeDollars}).
   */
  public static List<int[]> find(String text) {
    if (text.indexOf('$') < 0 && text.indexOf('\\') < 0) {
      return List.of();
    }
    List<int[]> lab = find(text, hideCodeDollars(text));
    List<int[]> classic = find(text, CodeDollars.hideClassic(text, HIDDEN_DOLLAR));
    return union(lab, classic);
  }

  /**
   * The regions found in {@code hidden} ({@code text} with the dollars of code hidden), as
   * offsets in {@code text}.
   */
  private static List<int[]> find(String text, String hidden) {
    StringBuilder norm = new StringBuilder(text.length());
    int[] origin = new int[text.length() + 1];
    for (int i = 0; i < hidden.length(); i++) {
      char c = hidden.charAt(i);
      origin[norm.length()] = i;
      if (c == '\r') {
        norm.append('\n');
        if (i + 1 < hidden.length() && hidden.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        norm.append(c);
      }
    }
    origin[norm.length()] = text.length();
    List<int[]> out = new ArrayList<>();
    for (int[] r : regions(norm.toString())) {
      out.add(new int[] {origin[r[0]], origin[r[1]]});
    }
    return out;
  }

  /** Whether {@code offset} lies inside one of {@code spans} (as {@link #find} returns them). */
  static boolean inside(List<int[]> spans, int offset) {
    return Ranges.contain(spans, offset);
  }

  /** Sorted, overlapping ranges merged: what is math to either frontend. */
  private static List<int[]> union(List<int[]> a, List<int[]> b) {
    List<int[]> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<int[]> out = new ArrayList<>();
    for (int[] r : all) {
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r[0] < last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        out.add(new int[] {r[0], r[1]});
      }
    }
    return out;
  }

  /** JupyterLab's {@code ~D} pass: the {@code $} of fenced code and code spans stop counting. */
  private static String hideCodeDollars(String text) {
    if (text.indexOf('`') < 0 && !text.contains("~~~")) {
      return text;
    }
    return CodeDollars.hide(text, HIDDEN_DOLLAR);
  }

  /** removeMath's loop over the split text; regions as offsets into {@code text}. */
  private static List<int[]> regions(String text) {
    List<String> blocks = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    Matcher m = MATHSPLIT.matcher(text);
    int pos = 0;
    while (m.find()) {
      blocks.add(text.substring(pos, m.start()));
      starts.add(pos);
      blocks.add(m.group());
      starts.add(m.start());
      pos = m.end();
    }
    blocks.add(text.substring(pos));
    starts.add(pos);
    starts.add(text.length());

    List<int[]> out = new ArrayList<>();
    Integer start = null;
    String end = null;
    Integer last = null;
    int braces = 0;
    for (int i = 1; i < blocks.size(); i += 2) {
      String block = blocks.get(i);
      if (block.charAt(0) == '@') {
        continue;
      } else if (start != null) {
        if (block.equals(end)) {
          if (braces != 0) {
            last = i;
          } else {
            out.add(new int[] {starts.get(start), starts.get(i + 1)});
            start = null;
            end = null;
            last = null;
          }
        } else if (TWO_LINES.matcher(block).find()) {
          if (last != null) {
            i = last;
            out.add(new int[] {starts.get(start), starts.get(i + 1)});
          }
          start = null;
          end = null;
          last = null;
          braces = 0;
        } else if (block.equals("{")) {
          braces++;
        } else if (block.equals("}") && braces != 0) {
          braces--;
        }
      } else if (block.equals("$") || block.equals("$$")) {
        start = i;
        end = block;
        braces = 0;
      } else if (block.equals("\\\\(") || block.equals("\\\\[")) {
        start = i;
        end = block.endsWith("(") ? "\\\\)" : "\\\\]";
        braces = 0;
      } else if (block.length() >= 6 && block.startsWith("begin", 1)) {
        start = i;
        end = "\\end" + block.substring(6);
        braces = 0;
      }
    }
    if (start != null && last != null) {
      out.add(new int[] {starts.get(start), starts.get(last + 1)});
    }
    return out;
  }
}
