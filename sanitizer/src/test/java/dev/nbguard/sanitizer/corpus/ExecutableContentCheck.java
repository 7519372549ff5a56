package dev.nbguard.sanitizer.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Structural check of markup left after sanitizing: lists everything in it that a browser could
 * run as script (or that hands control to the page: base, meta refresh, form actions, plugins,
 * JupyterLab command links). Empty list = nothing executable found.
 */
final class ExecutableContentCheck {
  private static final Set<String> URL_ATTRS = Set.of(
      "href", "xlink:href", "src", "action", "formaction", "data", "poster", "background",
      "cite", "longdesc", "codebase", "dynsrc", "lowsrc", "ping", "manifest", "icon", "profile",
      "classid", "archive", "srcset", "imagesrcset", "itemtype", "xml:base");
  private static final Set<String> ANIMATION_VALUE_ATTRS = Set.of("values", "to", "from", "by");
  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("base", "object", "embed", "applet");
  private static final Set<String> UNSAFE_SANDBOX_TOKENS = Set.of(
      "allow-same-origin", "allow-top-navigation", "allow-top-navigation-by-user-activation",
      "allow-top-navigation-to-custom-protocols", "allow-popups-to-escape-sandbox", "allow-modals");
  private static final Pattern NOSCRIPT_OPEN = Pattern.compile("(?i)<(/?)noscript");

  private ExecutableContentCheck() {}

  /** HTML fragment as the page would parse it (twice: once more with noscript as raw text, as
   * a browser with scripting enabled parses it). */
  static List<String> html(String html) {
    List<String> problems = new ArrayList<>();
    Document once = Jsoup.parseBodyFragment(html);
    check(once, "html", problems);
    if (problems.isEmpty()) {
      // Mutation XSS: markup that turns executable only after a parse/serialize round trip.
      check(Jsoup.parseBodyFragment(once.body().html()), "html(reparsed)", problems);
    }
    String scripting = NOSCRIPT_OPEN.matcher(html).replaceAll("<$1xmp");
    if (!scripting.equals(html)) {
      check(Jsoup.parseBodyFragment(scripting), "html(noscript-as-rawtext)", problems);
    }
    return problems;
  }

  /** Standalone SVG document (XML). */
  static List<String> svg(String svg) {
    List<String> problems = new ArrayList<>();
    check(Jsoup.parse(svg, "", Parser.xmlParser()), "svg", problems);
    // The same markup inlined into HTML (classic Notebook inlines image/svg+xml).
    check(Jsoup.parseBodyFragment(svg), "svg-as-html", problems);
    return problems;
  }

  private static void check(Document doc, String where, List<String> problems) {
    for (Element e : doc.getAllElements()) {
      String tag = localName(e.tagName());
      String at = where + " <" + e.tagName() + ">";
      if (tag.equals("script")) {
        problems.add(at + ": script element");
      }
      if (FORBIDDEN_ELEMENTS.contains(tag)) {
        problems.add(at + ": forbidden element");
      }
      if (tag.equals("meta") && e.hasAttr("http-equiv")) {
        problems.add(at + ": meta http-equiv");
      }
      if (tag.equals("iframe") || tag.equals("frame")) {
        checkFrame(e, at, problems);
        if (normalizeUrl(e.attr("src")).startsWith("data:image/svg")) {
          problems.add(at + ": frame with an SVG document (script runs in it)");
        }
      }
      if (tag.equals("use") && !e.attr("href").isEmpty() && !e.attr("href").startsWith("#")
          || tag.equals("use") && !e.attr("xlink:href").isEmpty() && !e.attr("xlink:href").startsWith("#")) {
        problems.add(at + ": use of an external or data: document");
      }
      if (tag.equals("form") && e.hasAttr("action")) {
        problems.add(at + ": form action=" + e.attr("action"));
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        String local = localName(name);
        if (local.startsWith("on")) {
          problems.add(at + ": event handler " + name);
        } else if (name.equals("formaction")) {
          problems.add(at + ": formaction=" + a.getValue());
        } else if (name.startsWith("data-commandlinker-")) {
          problems.add(at + ": JupyterLab command link " + name);
        } else if (URL_ATTRS.contains(name) || URL_ATTRS.contains(local)) {
          for (String url : urls(name, a.getValue())) {
            if (isScriptUrl(url)) {
              problems.add(at + ": " + name + "=" + abbreviate(a.getValue()));
            }
          }
        } else if (ANIMATION_VALUE_ATTRS.contains(name) && containsScriptUrl(a.getValue())) {
          problems.add(at + ": animation " + name + "=" + abbreviate(a.getValue()));
        }
      }
    }
  }

  private static void checkFrame(Element e, String at, List<String> problems) {
    if (!e.hasAttr("srcdoc")) {
      return;
    }
    if (!e.hasAttr("sandbox")) {
      problems.add(at + ": srcdoc without sandbox");
      return;
    }
    for (String token : e.attr("sandbox").toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (UNSAFE_SANDBOX_TOKENS.contains(token)) {
        problems.add(at + ": srcdoc with sandbox token " + token);
      }
    }
  }

  private static List<String> urls(String name, String value) {
    if (!name.endsWith("srcset")) {
      return List.of(value);
    }
    List<String> out = new ArrayList<>();
    for (String candidate : value.split(",")) {
      out.add(candidate.trim().split("\\s+")[0]);
    }
    return out;
  }

  /** Browser URL parsing strips leading/trailing C0 controls and spaces, and tab/CR/LF anywhere. */
  static String normalizeUrl(String url) {
    StringBuilder sb = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c > 0x20 && c != 0x7f) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  static boolean isScriptUrl(String url) {
    String u = normalizeUrl(url);
    return u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("livescript:")
        || u.startsWith("data:text") || u.startsWith("data:application/xhtml");
  }

  static boolean containsScriptUrl(String value) {
    for (String part : value.split(";")) {
      if (isScriptUrl(part)) {
        return true;
      }
    }
    return false;
  }

  private static String localName(String name) {
    int colon = name.indexOf(':');
    return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
