package dev.nbguard.sanitizer.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Fragment links ({@code <a href="#x">}) follow the ids they point at: prefixed when the output
 * itself defines the target (its ids are prefixed too), as they were when it does not. A table of
 * contents in an output links to the notebook's own headings ({@code #Section-1}, ids JupyterLab
 * gives Markdown headings); those must keep working. A fragment cannot run script; only ids an
 * output defines can clobber the page, and those are always prefixed. Static only.
 */
final class FragmentLinks {
  private static final String PREFIXED = "#" + IdPrefix.PREFIX;

  private FragmentLinks() {}

  /** Restores {@code #x} for every {@code #nbg-x} link under {@code root} whose target is not there. */
  static void unprefixOutsideTargets(Element root) {
    Set<String> defined = new HashSet<>();
    List<Element> links = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e.hasAttr("id")) {
        defined.add(e.attr("id"));
      }
      if (e.hasAttr("name")) {
        defined.add(e.attr("name"));
      }
      String name = e.normalName();
      if (name.equals("a") || name.equals("area")) {
        links.add(e);
      }
    }
    for (Element link : links) {
      for (String key : new String[] {"href", "xlink:href"}) {
        String target = prefixedTarget(link.attr(key));
        if (target != null && !defined.contains(target)) {
          link.attributes().put(key, "#" + target.substring(IdPrefix.PREFIX.length()));
        }
      }
    }
  }

  /** {@code nbg-x} for a link value {@code #nbg-x}, else null. */
  private static String prefixedTarget(String href) {
    String v = href.strip();
    return v.startsWith(PREFIXED) && v.length() > PREFIXED.length() ? v.substring(1) : null;
  }
}
