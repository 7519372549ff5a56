package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The attributes of one kept HTML element under {@link HtmlRules}: handlers, {@code data-*} and
 * unknown attributes go; URLs are checked; ids, names and id references get the {@code nbg-}
 * prefix; reserved classes go; {@code style} goes through the CSS policy. Immutable.
 */
final class HtmlAttributeCleaner {
  private final UrlPolicy urls;

  HtmlAttributeCleaner(UrlPolicy urls) {
    this.urls = urls;
  }

  void clean(Element el, String name, Report report, StyleAttributes styles) {
    if (el.attributesSize() == 0) {
      return;
    }
    Set<String> forElement = HtmlRules.ELEMENT_ATTRIBUTES.getOrDefault(name, Set.of());
    for (Attribute a : el.attributes().asList()) {
      String k = a.getKey();
      String v = a.getValue();
      if (k.startsWith("on")) {
        AttributeEdits.drop(el, k, "html.attribute.event-handler", v, report);
      } else if (k.startsWith("data-")) {
        AttributeEdits.drop(el, k, "html.attribute.data", v, report);
      } else if (k.startsWith("aria-")) {
        if (HtmlRules.ID_REF_ATTRIBUTES.contains(k)) {
          AttributeEdits.setOrRemove(el, k, IdPrefix.idList(v));
        }
      } else if (!HtmlRules.GLOBAL_ATTRIBUTES.contains(k) && !forElement.contains(k)) {
        AttributeEdits.drop(el, k, ruleForAttribute(k), v, report);
      } else {
        cleanAllowed(el, name, k, v, report, styles);
      }
    }
  }

  private static String ruleForAttribute(String k) {
    return switch (k) {
      case "action", "formaction", "formmethod", "formtarget", "formenctype", "form" ->
          "html.attribute.form-action";
      case "srcdoc" -> "html.attribute.srcdoc";
      case "ping" -> "html.attribute.ping";
      case "xlink:href", "href", "src", "background", "longdesc", "cite", "poster" ->
          "html.url.attribute";
      default -> "html.attribute.unknown";
    };
  }

  private void cleanAllowed(
      Element el, String name, String k, String v, Report report, StyleAttributes styles) {
    switch (k) {
      case "id", "name" -> AttributeEdits.setOrRemove(el, k, IdPrefix.id(v));
      case "class" -> {
        if (ClassNames.hasReserved(v)) {
          report.sanitized("html.attribute.class-reserved", Excerpts.of(k, v));
        }
        AttributeEdits.setOrRemove(el, k, ClassNames.keep(v));
      }
      case "style" -> AttributeEdits.setOrRemove(el, k, styles.sanitize(v));
      case "target" -> {
        if (!v.strip().equals("_blank")) {
          AttributeEdits.drop(el, k, "html.attribute.target", v, report);
        }
      }
      case "usemap" -> {
        if (IdPrefix.isFragment(v)) {
          el.attributes().put(k, IdPrefix.fragment(v));
        } else {
          AttributeEdits.drop(el, k, "html.url.usemap", v, report);
        }
      }
      case "srcset" -> {
        for (String url : Srcset.urls(v)) {
          if (!urls.allows(url, HtmlRules.urlContext(name, k))) {
            AttributeEdits.drop(el, k, "html.url.scheme", v, report);
            return;
          }
        }
      }
      default -> {
        if (HtmlRules.ID_REF_ATTRIBUTES.contains(k)) {
          AttributeEdits.setOrRemove(el, k, IdPrefix.idList(v));
        } else if (HtmlRules.URL_ATTRIBUTES.contains(k)) {
          if (!urls.allows(v, HtmlRules.urlContext(name, k))) {
            AttributeEdits.drop(el, k, "html.url.scheme", v, report);
          } else if (k.equals("href") && IdPrefix.isFragment(v)) {
            el.attributes().put(k, IdPrefix.fragment(v));
          }
        }
      }
    }
  }
}
