package dev.nbguard.sanitizer.html;

import java.util.regex.Pattern;

/**
 * Builds the opaque-origin frame for output that needs script: {@code <iframe
 * sandbox="allow-scripts" srcdoc="…">}. Without {@code allow-same-origin} the frame's origin is
 * opaque: its script runs but cannot read the page, its cookies, its storage or the Jupyter API.
 * No top navigation, popups that escape the sandbox, modals or forms.
 */
public final class Sandbox {
  public static final String SANDBOX_FLAGS = "allow-scripts";
  private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT_OPEN = Pattern.compile("<!--");

  private Sandbox() {}

  /** A frame showing {@code html} (a fragment or a whole document) at {@code heightPx}. */
  public static String frame(String html, int heightPx) {
    String head = html.substring(0, Math.min(html.length(), 64)).stripLeading();
    String document = head.regionMatches(true, 0, "<!doctype", 0, 9)
            || head.regionMatches(true, 0, "<html", 0, 5)
        ? html
        : "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html
            + "</body></html>";
    return "<iframe sandbox=\"" + SANDBOX_FLAGS + "\" srcdoc=\"" + escapeAttribute(document)
        + "\" style=\"width:100%;height:" + heightPx + "px;border:0\""
        + " referrerpolicy=\"no-referrer\" loading=\"lazy\"></iframe>";
  }

  /**
   * A frame that runs JavaScript output like JupyterLab's JavaScript renderer: {@code element}
   * is the node to draw into (here the frame's body).
   */
  public static String script(String code, int heightPx) {
    String safe = COMMENT_OPEN.matcher(SCRIPT_END.matcher(code).replaceAll("<\\\\/$1")).replaceAll("<\\\\!--");
    return frame(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><script>"
            + "var element = document.body;\n" + safe + "\n</script></body></html>",
        heightPx);
  }

  /** Escapes for a double-quoted attribute value: {@code & " < >} and {@code '}. */
  static String escapeAttribute(String value) {
    StringBuilder sb = new StringBuilder(value.length() + value.length() / 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
