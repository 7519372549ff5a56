package dev.nbguard.sanitizer.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * An iterative (no recursion, so no stack overflow on deep input) pre-order walk under a root
 * that lets the visitor keep, unwrap or remove each node as it goes.
 */
public final class TreeWalk {
  /** What to do with the node just visited. */
  public enum Decision {
    /** Keep it and visit its children. */
    DESCEND,
    /** Keep it as it is now; do not visit its children (the visitor handled them). */
    KEEP,
    /** Remove the node but keep its children in its place; they are visited next. */
    UNWRAP,
    /** Remove the node with everything inside it. */
    DROP
  }

  /** Decides for one node; may change the node's attributes or children before answering. */
  @FunctionalInterface
  public interface Visitor {
    Decision visit(Node node);
  }

  private TreeWalk() {}

  /** Visits every node under {@code root} (not the root itself). */
  public static void walk(Element root, Visitor visitor) {
    Node node = root.childNodeSize() > 0 ? root.childNode(0) : null;
    while (node != null) {
      switch (visitor.visit(node)) {
        case DESCEND -> node = node.childNodeSize() > 0 ? node.childNode(0) : following(node, root);
        case KEEP -> node = following(node, root);
        case DROP -> {
          Node next = following(node, root);
          node.remove();
          node = next;
        }
        case UNWRAP -> {
          Node next = following(node, root);
          Node first = node.unwrap();
          node = first != null ? first : next;
        }
      }
    }
  }

  /** The next node in document order after {@code node}'s subtree, staying under {@code root}. */
  private static Node following(Node node, Element root) {
    Node n = node;
    while (n != null && n != root) {
      Node sibling = n.nextSibling();
      if (sibling != null) {
        return sibling;
      }
      n = n.parent();
    }
    return null;
  }
}
