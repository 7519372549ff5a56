package dev.nbguard.sanitizer.svg;

import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.UrlPolicy.Context;
import dev.nbguard.sanitizer.html.AttributeEdits;
import dev.nbguard.sanitizer.html.ClassNames;
import dev.nbguard.sanitizer.html.Excerpts;
import dev.nbguard.sanitizer.html.IdPrefix;
import dev.nbguard.sanitizer.html.StyleAttributes;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The attributes of one kept SVG element under {@link SvgRules}: handlers and unknown attributes
 * go, {@code href}s may only be {@code #fragment}s (or checked URLs on {@code a} and {@code
 * image}), {@code url(…)} paint only {@code url(#id)}, ids get the {@code nbg-} prefix and
 * references follow, {@code style} goes through the CSS policy. Immutable.
 */
final class SvgAttributeCleaner {
  private static final Pattern URL_FRAGMENT_REF =
      Pattern.compile("url\\(\\s*(['\"]?)#[^'\")\\s]+\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_URL = Pattern.compile("url\\s*\\(", Pattern.CASE_INSENSITIVE);
  private static final Pattern RASTER_EXCLUDED =
      Pattern.compile("^data:image/svg", Pattern.CASE_INSENSITIVE);

  private final UrlPolicy urls;

  SvgAttributeCleaner(UrlPolicy urls) {
    this.urls = urls;
  }

  void clean(Element el, String name, Report report, StyleAttributes styles) {
    if (el.attributesSize() == 0) {
      return;
    }
    for (Attribute a : el.attributes().asList()) {
      String key = a.getKey();
      String k = key.toLowerCase(Locale.ROOT);
      String v = a.getValue();
      if (k.startsWith("on")) {
        AttributeEdits.drop(el, key, "svg.attribute.event-handler", v, report);
      } else if (k.equals("xmlns") || k.startsWith("xmlns:")) {
        el.removeAttr(key); // namespace declarations are re-added by the document serializer
      } else if (!SvgRules.ATTRIBUTES.contains(k)) {
        AttributeEdits.drop(el, key, "svg.attribute.unknown", v, report);
      } else {
        cleanAllowed(el, name, key, k, v, report, styles);
      }
    }
  }

  private void cleanAllowed(
      Element el, String name, String key, String k, String v, Report report, StyleAttributes styles) {
    switch (k) {
      case "id" -> AttributeEdits.setOrRemove(el, key, IdPrefix.id(v));
      case "class" -> {
        String kept = ClassNames.keep(v);
        if (ClassNames.hasReserved(v)) {
          report.sanitized("svg.attribute.class-reserved", Excerpts.of(key, v));
        }
        AttributeEdits.setOrRemove(el, key, kept);
      }
      case "style" -> AttributeEdits.setOrRemove(el, key, styles.sanitize(v));
      case "href", "xlink:href" -> cleanHref(el, name, key, v, report);
      case "target" -> {
        if (!v.strip().equals("_blank")) {
          AttributeEdits.drop(el, key, "svg.attribute.target", v, report);
        }
      }
      default -> {
        if (v.indexOf('(') >= 0 && ANY_URL.matcher(v).find()) {
          String rest = URL_FRAGMENT_REF.matcher(v).replaceAll("");
          if (!SvgRules.URL_REF_ATTRIBUTES.contains(k) || ANY_URL.matcher(rest).find()) {
            AttributeEdits.drop(el, key, "svg.url.external", v, report);
          } else {
            el.attributes().put(key, IdPrefix.cssUrlRefs(v));
          }
        }
      }
    }
  }

  private void cleanHref(Element el, String name, String key, String v, Report report) {
    if (SvgRules.FRAGMENT_HREF.contains(name)) {
      if (IdPrefix.isFragment(v)) {
        el.attributes().put(key, IdPrefix.fragment(v));
      } else {
        AttributeEdits.drop(el, key, "svg.url.external", v, report);
      }
    } else if (name.equals("image")) {
      if (!isRasterOrWeb(v)) {
        AttributeEdits.drop(el, key, "svg.url.scheme", v, report);
      }
    } else if (name.equals("a")) {
      if (!urls.allows(v, Context.LINK)) {
        AttributeEdits.drop(el, key, "svg.url.scheme", v, report);
      } else if (IdPrefix.isFragment(v)) {
        el.attributes().put(key, IdPrefix.fragment(v));
      }
    } else {
      AttributeEdits.drop(el, key, "svg.attribute.href", v, report);
    }
  }

  /** SVG {@code <image>}: a raster {@code data:image} URL or an allowed http(s) URL, no more. */
  private boolean isRasterOrWeb(String url) {
    String scheme = UrlPolicy.schemeOf(url).orElse("");
    boolean web = scheme.equals("http") || scheme.equals("https");
    boolean raster = scheme.equals("data") && !RASTER_EXCLUDED.matcher(UrlPolicy.normalize(url)).find();
    return (web || raster) && urls.allows(url, Context.IMAGE);
  }
}
