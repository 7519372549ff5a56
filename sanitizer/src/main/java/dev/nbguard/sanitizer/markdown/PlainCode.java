package dev.nbguard.sanitizer.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/**
 * The code every Markdown parser reads the same way, whose text the safety net may leave alone
 * (so code showing {@code <script>} still shows it). Only the plainest forms qualify, so that
 * marked (JupyterLab) cannot see anything but code where commonmark-java does:
 *
 * <ul>
 *   <li>fenced blocks: top-level, opening fence at column 0, closed by a line that is exactly
 *       the opening fence, no line inside that starts (after up to three spaces) with three
 *       backticks or tildes (marked closes on {@code ```~} where CommonMark does not), no tab or
 *       carriage return, an info string without backticks or markup characters;
 *   <li>code spans: single backticks, in a top-level paragraph whose every backtick delimits
 *       such a span, with no {@code <} outside the spans and no backslash or tab anywhere.
 * </ul>
 *
 * <p>Math: JupyterLab pulls math out before marked runs and puts its source back into the HTML
 * unescaped, so math delimiters on both sides of a code block or span turn the "code" into live
 * markup. A range qualifies only if it holds no {@code $} or backslash itself and all of the
 * text's {@code $} and backslashes lie on one side of it (a math region is one interval between
 * delimiters, so it cannot then contain the range).
 */
final class PlainCode {
  private static final Pattern FENCE_LIKE = Pattern.compile("(?m)^ {0,3}(```|~~~)");
  private static final Pattern PLAIN_INFO = Pattern.compile("[^`<>&\"'\\r\\t]*");

  private PlainCode() {}

  /** Whether {@code text} has anything that could be code (a cheap test before parsing). */
  static boolean mayContain(String text) {
    return text.indexOf('`') >= 0 || text.contains("~~~");
  }

  /** {start, end} offsets in {@code text} of the qualifying blocks of {@code document}. */
  static List<int[]> ranges(Node document, String text) {
    List<int[]> candidates = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FencedCodeBlock block) {
        plainRange(block, text).ifPresent(candidates::add);
      } else if (n instanceof Paragraph paragraph) {
        candidates.addAll(plainSpans(paragraph, text));
      }
    }
    int first = firstMathCharacter(text);
    int last = lastMathCharacter(text);
    List<int[]> out = new ArrayList<>();
    for (int[] r : candidates) {
      boolean noneInside = first < 0 || !hasMathCharacter(text, r[0], r[1]);
      if (first < 0 || (noneInside && (first >= r[1] || last < r[0]))) {
        out.add(r);
      }
    }
    return out;
  }

  private static boolean isMathCharacter(char c) {
    return c == '$' || c == '\\';
  }

  private static int firstMathCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isMathCharacter(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastMathCharacter(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      if (isMathCharacter(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasMathCharacter(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isMathCharacter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static List<int[]> plainSpans(Paragraph paragraph, String text) {
    List<SourceSpan> lines = paragraph.getSourceSpans();
    if (lines.isEmpty()) {
      return List.of();
    }
    int start = lines.get(0).getInputIndex();
    SourceSpan last = lines.get(lines.size() - 1);
    int end = last.getInputIndex() + last.getLength();
    if (end > text.length()) {
      return List.of();
    }
    String source = text.substring(start, end);
    if (source.indexOf('`') < 0 || source.indexOf('\\') >= 0 || source.indexOf('\t') >= 0) {
      return List.of();
    }
    List<int[]> spans = new ArrayList<>();
    collectSpans(paragraph, text, spans);
    long backticks = source.chars().filter(c -> c == '`').count();
    if (backticks != 2L * spans.size()) {
      return List.of();
    }
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '<' && !inside(spans, i)) {
        return List.of();
      }
    }
    return spans;
  }

  private static void collectSpans(Node parent, String text, List<int[]> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Code code && code.getSourceSpans().size() == 1) {
        SourceSpan s = code.getSourceSpans().get(0);
        int from = s.getInputIndex();
        int to = from + s.getLength();
        String literal = text.substring(from, Math.min(to, text.length()));
        if (literal.length() >= 2 && literal.startsWith("`") && !literal.startsWith("``")
            && literal.endsWith("`") && literal.indexOf('\n') < 0) {
          out.add(new int[] {from, to});
        }
      } else {
        collectSpans(n, text, out);
      }
    }
  }

  private static java.util.Optional<int[]> plainRange(FencedCodeBlock block, String text) {
    List<SourceSpan> spans = block.getSourceSpans();
    Integer open = block.getOpeningFenceLength();
    Integer close = block.getClosingFenceLength();
    if (spans.size() < 2 || open == null || !open.equals(close) || block.getFenceIndent() != 0) {
      return java.util.Optional.empty();
    }
    SourceSpan first = spans.get(0);
    SourceSpan last = spans.get(spans.size() - 1);
    int start = first.getInputIndex();
    int end = last.getInputIndex() + last.getLength();
    if (first.getColumnIndex() != 0 || last.getColumnIndex() != 0 || end > text.length()) {
      return java.util.Optional.empty();
    }
    String fence = String.valueOf(block.getFenceCharacter()).repeat(open);
    String opening = text.substring(start, first.getInputIndex() + first.getLength());
    String closing = text.substring(last.getInputIndex(), end);
    String inside = text.substring(first.getInputIndex() + first.getLength(), last.getInputIndex());
    boolean plain = opening.startsWith(fence)
        && PLAIN_INFO.matcher(opening.substring(fence.length())).matches()
        && closing.equals(fence)
        && !FENCE_LIKE.matcher(inside).find()
        && inside.indexOf('\t') < 0
        && inside.indexOf('\r') < 0;
    return plain ? java.util.Optional.of(new int[] {start, end}) : java.util.Optional.empty();
  }

  static boolean inside(List<int[]> ranges, int position) {
    return Ranges.contain(ranges, position);
  }
}
