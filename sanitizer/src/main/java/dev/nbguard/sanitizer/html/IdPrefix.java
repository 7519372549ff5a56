package dev.nbguard.sanitizer.html;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutralises {@code id} and {@code name} values against DOM clobbering by giving them one
 * prefix, and rewrites references to them the same way. Idempotent: a value that already carries
 * the prefix is left alone, so sanitizing twice gives the same result.
 */
public final class IdPrefix {
  public static final String PREFIX = "nbg-";
  private static final Pattern CSS_URL_REF =
      Pattern.compile("url\\(\\s*(['\"]?)#([^'\")\\s]+)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);

  private IdPrefix() {}

  /** {@code x -> nbg-x}; {@code nbg-x} stays; "" stays "". */
  public static String id(String value) {
    String v = value.strip();
    if (v.isEmpty() || v.startsWith(PREFIX)) {
      return v;
    }
    return PREFIX + v;
  }

  /** A space-separated list of ids ({@code headers}, {@code aria-labelledby}, …). */
  public static String idList(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (String token : value.strip().split("[\\t\\n\\f\\r ]+")) {
      if (!token.isEmpty()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(id(token));
      }
    }
    return sb.toString();
  }

  /** {@code #x -> #nbg-x}; anything that is not a same-document fragment is returned as is. */
  public static String fragment(String href) {
    String v = href.strip();
    if (v.length() > 1 && v.charAt(0) == '#') {
      return "#" + id(v.substring(1));
    }
    return v;
  }

  /** True when {@code value} (after trimming) is a same-document reference {@code #x}. */
  public static boolean isFragment(String value) {
    String v = value.strip();
    return v.length() > 1 && v.charAt(0) == '#';
  }

  /** Rewrites every {@code url(#x)} in a CSS or SVG paint value to {@code url(#nbg-x)}. */
  public static String cssUrlRefs(String value) {
    if (value.indexOf('#') < 0) {
      return value;
    }
    Matcher m = CSS_URL_REF.matcher(value);
    StringBuilder sb = new StringBuilder(value.length() + 8);
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement("url(#" + id(m.group(2)) + ")"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
