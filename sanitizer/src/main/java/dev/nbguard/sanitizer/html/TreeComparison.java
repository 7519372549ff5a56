package dev.nbguard.sanitizer.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Whether two fragments are the same tree for a browser: same elements (name, namespace,
 * attributes in order), same data, and the same text where adjacent text nodes count as one (the
 * cleaner leaves them split, a parse merges them). Iterative; cheaper than serializing. While it
 * walks, it can run a check on every node of the second tree, so that one walk serves both the
 * comparison and the mXSS check of the re-parsed output.
 */
final class TreeComparison {
  /** The outcome: the first problem the check found, else whether the trees are the same. */
  record Outcome(Optional<String> problem, boolean same) {}

  private static final Outcome SAME = new Outcome(Optional.empty(), true);
  private static final Outcome DIFFERENT = new Outcome(Optional.empty(), false);

  private TreeComparison() {}

  static boolean same(Element a, Element b) {
    return compare(a, b, node -> null).same();
  }

  /**
   * Compares {@code a} with {@code b} and runs {@code check} (a problem description, or null) on
   * each node of {@code b} visited. Stops at the first problem or difference; when the trees
   * differ, nodes of {@code b} after the difference are not checked.
   */
  static Outcome compare(Element a, Element b, Function<Node, String> check) {
    Deque<Element[]> pending = new ArrayDeque<>();
    pending.push(new Element[] {a, b});
    while (!pending.isEmpty()) {
      Element[] pair = pending.pop();
      Outcome o = compareChildren(pair[0], pair[1], check, pending);
      if (o != SAME) {
        return o;
      }
    }
    return SAME;
  }

  // Indexed access: jsoup's childNodes() copies the list on every call.
  private static Outcome compareChildren(
      Element xs, Element ys, Function<Node, String> check, Deque<Element[]> pending) {
    int xn = xs.childNodeSize();
    int yn = ys.childNodeSize();
    int i = 0;
    int j = 0;
    while (i < xn && j < yn) {
      Node x = xs.childNode(i);
      Node y = ys.childNode(j);
      String problem = check.apply(y);
      if (problem != null) {
        return new Outcome(Optional.of(problem), false);
      }
      if (x instanceof TextNode) {
        int endX = textRunEnd(xs, i);
        int endY = textRunEnd(ys, j);
        for (int k = j + 1; k < endY; k++) {
          String p = check.apply(ys.childNode(k));
          if (p != null) {
            return new Outcome(Optional.of(p), false);
          }
        }
        if (endY == j || !text(xs, i, endX).equals(text(ys, j, endY))) {
          return DIFFERENT;
        }
        i = endX;
        j = endY;
        continue;
      }
      if (x instanceof DataNode dx) {
        if (!(y instanceof DataNode dy) || !dx.getWholeData().equals(dy.getWholeData())) {
          return DIFFERENT;
        }
      } else if (x instanceof Element ex) {
        if (!(y instanceof Element ey)
            || !ex.normalName().equals(ey.normalName())
            || !ex.tag().namespace().equals(ey.tag().namespace())
            || ex.attributesSize() != ey.attributesSize()
            || (ex.attributesSize() > 0 && !ex.attributes().equals(ey.attributes()))) {
          return DIFFERENT;
        }
        pending.push(new Element[] {ex, ey});
      } else {
        return DIFFERENT;
      }
      i++;
      j++;
    }
    return i == xn && j == yn ? SAME : DIFFERENT;
  }

  private static int textRunEnd(Element parent, int from) {
    int n = parent.childNodeSize();
    int k = from;
    while (k < n && parent.childNode(k) instanceof TextNode) {
      k++;
    }
    return k;
  }

  private static String text(Element parent, int from, int to) {
    if (to - from == 1) {
      return ((TextNode) parent.childNode(from)).getWholeText();
    }
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(((TextNode) parent.childNode(k)).getWholeText());
    }
    return sb.toString();
  }
}
