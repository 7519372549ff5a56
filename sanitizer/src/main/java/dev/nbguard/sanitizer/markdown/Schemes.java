package dev.nbguard.sanitizer.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds script-capable URL schemes ({@code javascript:}, {@code vbscript:}, non-image {@code
 * data:}) where a URL can start — after {@code (}, {@code <}, {@code =}, a quote or {@code :} —
 * in a view of the text that drops what a browser or a Markdown parser would drop or decode:
 * whitespace and control characters, backslash escapes and numeric or named character references
 * such as {@code &#106;} or {@code &colon;}. Parser independent: it is the safety net for links
 * one parser sees and another does not. Prose such as "(data: 2020)" is left alone: a {@code
 * data:} followed by whitespace cannot be a Markdown link destination.
 */
final class Schemes {
  private static final Pattern DANGEROUS =
      Pattern.compile(
          "(?:^|(?<=[(<=\"':`]))(javascript|vbscript|livescript|data(?!:image/(?:png|jpe?g|gif|webp|bmp|svg\\+xml)[;,])):");
  private static final Pattern REFERENCE =
      Pattern.compile("&(#0*[0-9]{1,7}|#[xX]0*[0-9a-fA-F]{1,6}|colon|tab|newline);?", Pattern.CASE_INSENSITIVE);

  private Schemes() {}

  /** Source ranges {@code [start, end)} from the scheme's first character to its colon. */
  static List<int[]> find(String text) {
    StringBuilder norm = new StringBuilder(text.length());
    int[] map = new int[text.length() + 1];
    int[] mapEnd = new int[text.length() + 1];
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int next = i + 1;
      char decoded = c;
      if (c == '&') {
        Matcher m = REFERENCE.matcher(text).region(i, text.length());
        if (m.lookingAt()) {
          decoded = decode(m.group(1));
          next = m.end();
        }
      }
      if (decoded > 0x20 && decoded != '\\' && decoded != 0x7F) {
        map[norm.length()] = i;
        mapEnd[norm.length()] = next;
        norm.append(Character.toLowerCase(decoded));
      }
      i = next;
    }
    List<int[]> found = new ArrayList<>();
    Matcher m = DANGEROUS.matcher(norm.toString().toLowerCase(Locale.ROOT));
    while (m.find()) {
      int end = mapEnd[m.end() - 1];
      boolean spacedData = m.group(1).equals("data") && (end >= text.length() || Character.isWhitespace(text.charAt(end)));
      if (!spacedData) {
        found.add(new int[] {map[m.start()], end});
      }
    }
    return found;
  }

  private static char decode(String ref) {
    String r = ref.toLowerCase(Locale.ROOT);
    return switch (r) {
      case "colon" -> ':';
      case "tab" -> '\t';
      case "newline" -> '\n';
      default -> {
        int cp = r.startsWith("#x") ? Integer.parseInt(r.substring(2), 16) : Integer.parseInt(r.substring(1));
        yield cp < 0x10000 ? (char) cp : '\uFFFD';
      }
    };
  }
}
