package dev.nbguard.sanitizer.html;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/** Test check, independent of the policy's own code: nothing in the markup can run script. */
public final class Inert {
  private static final Set<String> FORBIDDEN = Set.of("script", "iframe", "object", "embed",
      "frame", "base", "meta", "form", "math", "foreignobject", "animate", "set", "noscript",
      "template", "xmp", "noembed", "plaintext");

  private Inert() {}

  /** Parsed as a browser parses {@code innerHTML}: no forbidden element, handler or script URL. */
  public static void assertInert(String out) {
    for (Element e : HtmlFragments.parse(out).getAllElements()) {
      assertFalse(FORBIDDEN.contains(e.normalName().toLowerCase(Locale.ROOT)), out);
      for (Attribute a : e.attributes()) {
        assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), out);
        String v = UrlPolicy.normalize(a.getValue()).toLowerCase(Locale.ROOT);
        assertFalse(v.contains("javascript:") || v.contains("vbscript:"), out);
        assertFalse(a.getKey().equalsIgnoreCase("srcdoc"), out);
      }
    }
    PolicyConfig config = PolicyConfig.builder(Preset.DEFAULT).build();
    assertFalse(new HtmlVerifier(new UrlPolicy(config.urlSchemes())).check(out).isPresent(), out);
  }
}
