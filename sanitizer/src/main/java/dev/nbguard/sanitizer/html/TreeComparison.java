package dev.nbguard.sanitizer.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Whether two fragments are the same tree for a browser: same elements (name, namespace,
 * attributes in order), same data, and the same text where adjacent text nodes count as one (the
 * cleaner leaves them split, a parse merges them). Iterative; cheaper than serializing.
 */
final class TreeComparison {
  private TreeComparison() {}

  static boolean same(Element a, Element b) {
    Deque<Element[]> pending = new ArrayDeque<>();
    pending.push(new Element[] {a, b});
    while (!pending.isEmpty()) {
      Element[] pair = pending.pop();
      if (!sameChildren(pair[0].childNodes(), pair[1].childNodes(), pending)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameChildren(List<Node> xs, List<Node> ys, Deque<Element[]> pending) {
    int i = 0;
    int j = 0;
    while (i < xs.size() && j < ys.size()) {
      Node x = xs.get(i);
      Node y = ys.get(j);
      if (x instanceof TextNode) {
        int endX = textRunEnd(xs, i);
        int endY = textRunEnd(ys, j);
        if (endY == j || !text(xs, i, endX).equals(text(ys, j, endY))) {
          return false;
        }
        i = endX;
        j = endY;
        continue;
      }
      if (x instanceof DataNode dx) {
        if (!(y instanceof DataNode dy) || !dx.getWholeData().equals(dy.getWholeData())) {
          return false;
        }
      } else if (x instanceof Element ex) {
        if (!(y instanceof Element ey)
            || !ex.normalName().equals(ey.normalName())
            || !ex.tag().namespace().equals(ey.tag().namespace())
            || !ex.attributes().equals(ey.attributes())) {
          return false;
        }
        pending.push(new Element[] {ex, ey});
      } else {
        return false;
      }
      i++;
      j++;
    }
    return i == xs.size() && j == ys.size();
  }

  private static int textRunEnd(List<Node> nodes, int from) {
    int k = from;
    while (k < nodes.size() && nodes.get(k) instanceof TextNode) {
      k++;
    }
    return k;
  }

  private static String text(List<Node> nodes, int from, int to) {
    if (to - from == 1) {
      return ((TextNode) nodes.get(from)).getWholeText();
    }
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(((TextNode) nodes.get(k)).getWholeText());
    }
    return sb.toString();
  }
}
