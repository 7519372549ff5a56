package dev.nbguard.sanitizer.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds tag-like sequences ({@code <} followed by a letter, {@code /}, {@code !} or {@code ?})
 * that could run script or reach the page if some parser took them for HTML, wherever they are
 * (text, code spans, code blocks). A tag extends to its closing {@code >} as a browser reads it
 * (quoted attribute values may contain {@code >}) or to the first {@code >}, whichever is later,
 * or to the end of the text; the whole extent is judged, and one that spans a blank line is
 * dangerous whatever it holds. Parser independent: the safety net
 * against differentials between commonmark-java and marked.
 */
final class TagScan {
  /** Dangerous even without attributes: script, CSS, or a parsing context for mutation XSS. */
  static final Set<String> BARE_DANGEROUS_TAGS =
      Set.of("script", "style", "svg", "math", "template", "noscript", "xmp", "plaintext",
          "noembed", "noframes", "textarea", "title", "listing", "iframe");
  /** Dangerous with attributes (sources, actions, targets); harmless bare, as in {@code Local<Object>}. */
  static final Set<String> ATTRIBUTE_DANGEROUS_TAGS =
      Set.of("frame", "frameset", "object", "embed", "applet", "link", "meta", "base", "form",
          "portal", "isindex", "input", "button", "select", "keygen", "image", "animate", "set",
          "use", "foreignobject", "handler", "param");
  /** Every tag either list names; the rendered-HTML check refuses all of them. */
  static final Set<String> DANGEROUS_TAGS = union(BARE_DANGEROUS_TAGS, ATTRIBUTE_DANGEROUS_TAGS);
  private static final Pattern NAME = Pattern.compile("^</?\\s*([A-Za-z][^\\s/>]*)([\\s/]*>?)");
  private static final Pattern HANDLER = Pattern.compile("(?<![a-z0-9_:.-])on[a-z]+\\s*=");
  private static final String[] NEEDLES =
      {"data-commandlinker", "srcdoc", "formaction", "xlink:", "@import", "-moz-binding"};
  private static final Pattern CSS = Pattern.compile("(?:expression|url)\\s*\\(|behavior\\s*:");

  /** Without the parser's HTML pass, also what restyles or clobbers the page. */
  private static final Pattern STRICT =
      Pattern.compile("(?<![a-z0-9_:.-])(style|id|name|target|formtarget|form)\\s*=");

  /**
   * A tag that runs over a blank line is cut in two by every Markdown parser: the first block
   * goes out as raw HTML, what follows as escaped text, and the browser reads that text (and
   * whatever the renderer writes after it) as the rest of the tag.
   */
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\r?\\n|\\r[ \\t]*\\r");

  /** An absolute cap on characters examined, whatever the text's size (bounded time). */
  private static final long MAX_BUDGET = 64L << 20;

  private TagScan() {}

  /** Start indexes of the {@code <} of every dangerous tag-like sequence. */
  static List<Integer> find(String text) {
    return find(text, false);
  }

  /**
   * As {@link #find(String)}; {@code strict} also flags {@code style}, {@code id}, {@code name}
   * and {@code target} attributes (used when no HTML sanitizer saw the text).
   */
  static List<Integer> find(String text, boolean strict) {
    List<Integer> found = new ArrayList<>();
    long budget = Math.min(8L * text.length() + (1 << 20), MAX_BUDGET);
    List<int[]> math = MathSpans.find(text);
    for (int lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
      if (lt + 1 >= text.length() || !startsTag(text.charAt(lt + 1))) {
        continue;
      }
      int end = extentEnd(text, lt);
      String tag = text.substring(lt, end);
      budget -= 3L * tag.length();
      if (budget < 0) {
        throw new IllegalStateException("too many unterminated tag-like sequences to check");
      }
      if (isDangerous(tag) || BLANK_LINE.matcher(tag).find() || endHiddenByMath(text, lt, end, math)
          || (strict && STRICT.matcher(tag.toLowerCase(Locale.ROOT)).find())) {
        found.add(lt);
      }
    }
    return found;
  }

  /**
   * Whether the tag at {@code lt} (outside math) ends at a {@code >} inside a math region:
   * JupyterLab puts that {@code >} back as {@code &gt;}, so the browser reads the region and
   * what follows it as more of the tag (attributes no HTML sanitizer saw).
   */
  private static boolean endHiddenByMath(String text, int lt, int end, List<int[]> math) {
    if (math.isEmpty() || MathSpans.inside(math, lt)) {
      return false;
    }
    for (int i = text.indexOf('>', lt); i >= 0 && i < end; i = text.indexOf('>', i + 1)) {
      if (MathSpans.inside(math, i)) {
        return true;
      }
    }
    return false;
  }

  static boolean isDangerous(String tag) {
    Matcher name = NAME.matcher(tag);
    if (name.find()) {
      String n = name.group(1).toLowerCase(Locale.ROOT);
      boolean bare = name.end() == tag.length();
      if (BARE_DANGEROUS_TAGS.contains(n) || (!bare && ATTRIBUTE_DANGEROUS_TAGS.contains(n))) {
        return true;
      }
    }
    String lower = tag.toLowerCase(Locale.ROOT);
    for (String needle : NEEDLES) {
      if (lower.contains(needle)) {
        return true;
      }
    }
    return HANDLER.matcher(lower).find() || CSS.matcher(lower).find() || !Schemes.find(tag).isEmpty();
  }

  /**
   * Whether a piece of raw HTML ends inside a tag, comment or declaration: a browser reading it
   * in context would take what follows it for the rest of that tag.
   */
  static boolean endsInsideATag(String html) {
    for (int lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
      if (lt + 1 < html.length() && startsTag(html.charAt(lt + 1)) && quotedEnd(html, lt) < 0) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static boolean startsTag(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
  }

  /** Index after the tag's {@code >} (the later of a naive and a quote-aware reading). */
  static int extentEnd(String text, int lt) {
    int naive = text.indexOf('>', lt);
    int quoted = quotedEnd(text, lt);
    if (naive < 0 || quoted < 0) {
      return text.length();
    }
    return Math.max(naive, quoted) + 1;
  }

  /** Index of the {@code >} that ends the tag at {@code lt} as a browser reads it, or -1. */
  private static int quotedEnd(String text, int lt) {
    int quoted = -1;
    char quote = 0;
    boolean afterEquals = false;
    for (int i = lt + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '>') {
        quoted = i;
        break;
      } else if ((c == '"' || c == '\'') && afterEquals) {
        quote = c;
      } else if (c == '=') {
        afterEquals = true;
        continue;
      } else if (!Character.isWhitespace(c)) {
        afterEquals = false;
      }
    }
    return quoted;
  }
}
