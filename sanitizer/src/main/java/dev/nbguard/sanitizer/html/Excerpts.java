package dev.nbguard.sanitizer.html;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** Short, cheap descriptions of removed markup for findings (never the whole subtree). */
public final class Excerpts {
  private static final int MAX = 80;

  private Excerpts() {}

  /** {@code <tag a="v" …>} of an element, at most about 80 characters. */
  public static String of(Element el) {
    StringBuilder sb = new StringBuilder("<").append(el.tagName());
    for (Attribute a : el.attributes()) {
      if (sb.length() > MAX) {
        break;
      }
      sb.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
    }
    sb.append('>');
    if (sb.length() < MAX && el.childNodeSize() > 0) {
      org.jsoup.nodes.Node first = el.childNode(0);
      String inner = first instanceof org.jsoup.nodes.DataNode d ? d.getWholeData()
          : first instanceof org.jsoup.nodes.TextNode t ? t.getWholeText() : "";
      sb.append(inner, 0, Math.min(inner.length(), MAX - sb.length() + 1));
    }
    if (sb.length() > MAX) {
      sb.setLength(MAX);
    }
    return sb.toString();
  }

  /** {@code name="value"} of one attribute. */
  public static String of(String name, String value) {
    String s = name + "=\"" + value + "\"";
    return s.length() > MAX ? s.substring(0, MAX) : s;
  }
}
