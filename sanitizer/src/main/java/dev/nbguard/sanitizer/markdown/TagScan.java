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
 * or to the end of the text; the whole extent is judged. Parser independent: the safety net
 * against differentials between commonmark-java and marked.
 */
final class TagScan {
  static final Set<String> DANGEROUS_TAGS =
      Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
          "link", "meta", "base", "form", "svg", "math", "template", "noscript", "xmp",
          "plaintext", "noembed", "noframes", "textarea", "title", "portal", "isindex", "input",
          "button", "select", "keygen", "listing", "image", "animate", "set", "use",
          "foreignobject", "handler", "param");
  private static final Pattern NAME = Pattern.compile("^</?\\s*([A-Za-z][^\\s/>]*)");
  private static final Pattern HANDLER = Pattern.compile("(?i)(?<![a-z0-9_:.-])on[a-z]+\\s*=");
  private static final Pattern OTHER =
      Pattern.compile("(?i)data-commandlinker|srcdoc|formaction|xlink:|expression\\s*\\(|url\\s*\\(|@import|-moz-binding|behavior\\s*:");

  /** Without the parser's HTML pass, also what restyles or clobbers the page. */
  private static final Pattern STRICT =
      Pattern.compile("(?i)(?<![a-z0-9_:.-])(style|id|name|target|formtarget|form)\\s*=");

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
    long budget = 8L * text.length() + (1 << 20);
    for (int lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
      if (lt + 1 >= text.length() || !startsTag(text.charAt(lt + 1))) {
        continue;
      }
      String tag = text.substring(lt, extentEnd(text, lt));
      budget -= 3L * tag.length();
      if (budget < 0) {
        throw new IllegalStateException("too many unterminated tag-like sequences to check");
      }
      if (isDangerous(tag) || (strict && STRICT.matcher(tag).find())) {
        found.add(lt);
      }
    }
    return found;
  }

  static boolean isDangerous(String tag) {
    Matcher name = NAME.matcher(tag);
    if (name.find() && DANGEROUS_TAGS.contains(name.group(1).toLowerCase(Locale.ROOT))) {
      return true;
    }
    return HANDLER.matcher(tag).find() || OTHER.matcher(tag).find() || !Schemes.find(tag).isEmpty();
  }

  private static boolean startsTag(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
  }

  /** Index after the tag's {@code >} (the later of a naive and a quote-aware reading). */
  static int extentEnd(String text, int lt) {
    int naive = text.indexOf('>', lt);
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
    if (naive < 0 || quoted < 0) {
      return text.length();
    }
    return Math.max(naive, quoted) + 1;
  }
}
