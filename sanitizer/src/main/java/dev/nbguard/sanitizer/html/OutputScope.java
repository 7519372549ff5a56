package dev.nbguard.sanitizer.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The scope that kept {@code <style>} rules are confined to: {@code [data-nbguard-output]}. Output
 * with a kept stylesheet is wrapped in {@code <div data-nbguard-output="">} (an SVG document's
 * root gets the attribute), so its rules style that output and never the page. Output cannot
 * forge the scope: the policy removes {@code data-*} everywhere else and the CSS policy refuses
 * {@code [data-…]} selectors. Our own wrapper is recognised on the way in and removed silently,
 * so sanitizing twice gives the same result.
 */
public final class OutputScope {
  public static final String ATTRIBUTE = "data-nbguard-output";
  /**
   * {@code :where()} adds no specificity: a scoped rule competes with JupyterLab's own rules as
   * it did unscoped (pandas' {@code .dataframe thead th} still loses to JupyterLab's alignment).
   */
  public static final String SELECTOR = ":where([" + ATTRIBUTE + "])";

  private OutputScope() {}

  /** True for the element nbguard put there: a top-level div or svg carrying exactly the scope. */
  public static boolean isScopeElement(Element el) {
    Element parent = el.parent();
    String name = el.normalName();
    return (name.equals("div") || name.equals("svg"))
        && el.hasAttr(ATTRIBUTE)
        && el.attr(ATTRIBUTE).isEmpty()
        && (parent == null || parent.parent() == null || parent.parent() instanceof Document
            || parent instanceof Document);
  }

  /** Removes our own wrapper div around a whole fragment, if it is there. */
  static void unwrap(Element fragment) {
    if (fragment.childNodeSize() == 1 && fragment.childNode(0) instanceof Element div
        && div.normalName().equals("div") && div.attributesSize() == 1 && div.hasAttr(ATTRIBUTE)) {
      div.unwrap();
    }
  }

  /** Moves everything in {@code fragment} into a scope div. */
  static void wrap(Element fragment) {
    Element div = new Element("div").attr(ATTRIBUTE, "");
    div.appendChildren(fragment.childNodes());
    fragment.appendChild(div);
  }
}
