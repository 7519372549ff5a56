package dev.nbguard.sanitizer.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.html.Goldens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SvgSanitizerTest {
  static final PolicyConfig CONFIG = PolicyConfig.builder(Preset.DEFAULT).build();
  static final UrlPolicy URLS = new UrlPolicy(CONFIG.urlSchemes());
  static final SvgSanitizer SVG = new SvgSanitizer(CONFIG, URLS);
  static final String OPEN =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

  record Result(String svg, List<Finding> findings) {
    boolean has(String rule) {
      return findings.stream().anyMatch(f -> f.rule().equals(rule));
    }
  }

  static Result sanitize(String svg) {
    Report report = new Report("image/svg+xml");
    String out = SVG.sanitize(svg, report);
    return new Result(out, report.findings());
  }

  static void assertInert(String out) {
    dev.nbguard.sanitizer.html.Inert.assertInert(out);
    SvgDocuments.requireWellFormed(out);
  }

  @Test
  void keepsShapesAndPrefixesIdsWithReferences() {
    Result r = sanitize("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\"><defs>"
        + "<clipPath id=\"c\"><rect width=\"5\" height=\"5\"/></clipPath>"
        + "<path id=\"glyph\" d=\"M0 0L1 1\"/></defs>"
        + "<use xlink:href=\"#glyph\" clip-path=\"url(#c)\"/><use href=\"#glyph\"/></svg>");
    assertEquals(OPEN + " viewBox=\"0 0 10 10\"><defs><clipPath id=\"nbg-c\">"
        + "<rect width=\"5\" height=\"5\" /></clipPath><path id=\"nbg-glyph\" d=\"M0 0L1 1\" />"
        + "</defs><use xlink:href=\"#nbg-glyph\" clip-path=\"url(#nbg-c)\" />"
        + "<use href=\"#nbg-glyph\" /></svg>", r.svg());
    assertEquals(List.of(), r.findings());
  }

  @Test
  void dropsScriptHandlersAndForeignObject() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
        + "<script>alert(1)</script><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "x</div></foreignObject><rect onclick=\"alert(1)\" width=\"1\"/></svg>");
    assertEquals(OPEN + "><rect width=\"1\" /></svg>", r.svg());
    assertTrue(r.has("svg.element.script"));
    assertTrue(r.has("svg.element.foreign-object"));
    assertTrue(r.has("svg.attribute.event-handler"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<animate attributeName=\"href\" values=\"javascript:alert(1)\"/>",
      "<set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/>",
      "<animate attributeName=\"onclick\" values=\"alert(1)\"/>",
      "<animateTransform attributeName=\"transform\" type=\"rotate\" from=\"0\" to=\"360\"/>",
  })
  void dropsAnimation(String animation) {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\"><a>" + animation
        + "<text>x</text></a></svg>");
    assertEquals(OPEN + "><a><text>x</text></a></svg>", r.svg());
    assertTrue(r.has("svg.element.animate"));
  }

  @Test
  void useAndGradientsMayOnlyReferenceFragments() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        + "<use xlink:href=\"https://evil.example/s.svg#i\"/>"
        + "<use href=\"data:image/svg+xml;base64,PHN2Zz4=#x\"/>"
        + "<linearGradient id=\"g\" href=\"other.svg#g\"/>"
        + "<rect fill=\"url(https://evil.example/#x)\" stroke=\"url(#g) red\" width=\"1\"/></svg>");
    assertEquals(OPEN + "><use /><use /><linearGradient id=\"nbg-g\" />"
        + "<rect stroke=\"url(#nbg-g) red\" width=\"1\" /></svg>", r.svg());
    assertEquals(4, r.findings().stream().filter(f -> f.rule().equals("svg.url.external")).count());
  }

  @Test
  void imagesOnlyFromDataRasterOrHttp() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\">"
        + "<image href=\"data:image/png;base64,iVBORw0KGgo=\"/>"
        + "<image href=\"https://example.org/a.png\"/>"
        + "<image href=\"data:text/html,x\"/><image href=\"javascript:alert(1)\"/>"
        + "<image href=\"data:image/svg+xml,&lt;svg/&gt;\"/><image href=\"local.png\"/></svg>");
    assertEquals(OPEN + "><image href=\"data:image/png;base64,iVBORw0KGgo=\" />"
        + "<image href=\"https://example.org/a.png\" /><image /><image /><image /><image /></svg>",
        r.svg());
    assertEquals(4, r.findings().stream().filter(f -> f.rule().equals("svg.url.scheme")).count());
  }

  @Test
  void linksAreSchemeChecked() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"java&#x09;script:alert(1)\">"
        + "<text>a</text></a><a href=\"https://example.org/\" target=\"_top\"><text>b</text></a></svg>");
    assertEquals(OPEN + "><a><text>a</text></a><a href=\"https://example.org/\""
        + " rel=\"noopener noreferrer\" target=\"_blank\"><text>b</text></a></svg>", r.svg());
    assertTrue(r.has("svg.url.scheme"));
  }

  @Test
  void doctypeEntitiesAreNeverExpanded() {
    Result r = sanitize("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"AAAA\">"
        + "<!ENTITY b \"&a;&a;&a;&a;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;&x;</text></svg>");
    assertFalse(r.svg().contains("AAAA"), r.svg());
    assertFalse(r.svg().contains("root:"), r.svg());
    assertFalse(r.svg().contains("DOCTYPE"), r.svg());
    assertTrue(r.has("svg.doctype"));
    assertInert(r.svg());
  }

  @Test
  void dropsMetadataSilentlyAndOtherNamespacesWithAFinding() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:rdf=\"r\" xmlns:i=\"i\">"
        + "<metadata><rdf:RDF/></metadata><i:thing/><rect i:attr=\"1\" width=\"1\"/></svg>");
    assertEquals(OPEN + "><rect width=\"1\" /></svg>", r.svg());
    assertTrue(r.has("svg.namespace"));
    assertTrue(r.has("svg.attribute.unknown"));
  }

  @Test
  void xhtmlDefaultNamespaceInsideSvgCannotSmuggleHtml() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\">"
        + "<g xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"x\" onerror=\"alert(1)\"/></g></svg>");
    assertInert(r.svg());
    assertFalse(r.svg().contains("<img"), r.svg());
  }

  @Test
  void textIsEscapedForBothXmlAndHtml() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a &lt;img src=x"
        + " onerror=alert(1)&gt; &amp; b</text><title>&lt;/title&gt;&lt;img&gt;</title></svg>");
    assertInert(r.svg());
    assertTrue(r.svg().contains("&lt;img"), r.svg());
  }

  @Test
  void cdataSectionsBecomeEscapedText() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\"><text><![CDATA[a < b && "
        + "<script>alert(1)</script>]]></text></svg>");
    assertEquals(OPEN + "><text>a &lt; b &amp;&amp; &lt;script&gt;alert(1)&lt;/script&gt;</text>"
        + "</svg>", r.svg());
  }

  @Test
  void styleSheetsAreConfinedToTheSvgWhenInlined() {
    Result r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" data-nbguard-output=\"x\">"
        + "<style>* { stroke-linecap: butt }</style><line x2=\"1\"/></svg>");
    assertTrue(r.svg().matches("(?s)" + java.util.regex.Pattern.quote(OPEN)
        + " data-nbguard-output=\"([0-9a-f]{16})\"><style>:where\\(\\[data-nbguard-output=\"\\1\"\\]\\) \\* \\{.*"),
        r.svg());
    assertTrue(r.svg().endsWith("</style><line x2=\"1\" /></svg>"), r.svg());
    assertEquals(r.svg(), sanitize(r.svg()).svg());
    Result plain = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" data-nbguard-output=\"\">"
        + "<line x2=\"1\"/></svg>");
    assertEquals(OPEN + "><line x2=\"1\" /></svg>", plain.svg());
  }

  @Test
  void acceptsByteOrderMarkAndLeadingWhitespace() {
    Result r = sanitize("\uFEFF\n  <?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
        + "<circle r=\"1\"/></svg>\n");
    assertEquals(OPEN + "><circle r=\"1\" /></svg>", r.svg());
  }

  @Test
  void rejectsInputWithoutSvgRoot() {
    assertThrows(IllegalArgumentException.class, () -> sanitize("<html><script>x</script></html>"));
    assertThrows(IllegalArgumentException.class, () -> sanitize("not svg at all"));
  }

  static List<String> goldens() {
    return Goldens.cases("svg", "svg");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void matchesGoldenFile(String name) {
    String input = Goldens.read("svg", name + ".input.svg");
    Result r = sanitize(input);
    if (Goldens.updating()) {
      Goldens.write("svg", name + ".expected.svg", r.svg());
    }
    assertEquals(Goldens.read("svg", name + ".expected.svg"), r.svg());
    assertInert(r.svg());
    assertEquals(r.svg(), sanitize(r.svg()).svg(), "idempotent");
    if (!name.startsWith("hostile")) {
      List<Finding> own = r.findings().stream().filter(f -> !f.rule().startsWith("css.")).toList();
      assertEquals(List.of(), own, "a benign figure has no SVG findings");
    }
  }
}
