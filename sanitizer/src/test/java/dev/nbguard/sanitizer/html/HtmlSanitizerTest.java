package dev.nbguard.sanitizer.html;

import static dev.nbguard.sanitizer.html.Policies.sanitize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.sanitizer.html.Policies.Result;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

  static void assertInert(String out) {
    Inert.assertInert(out);
  }

  @Test
  void dropsScriptButKeepsTableText() {
    Result r = sanitize("<table><tr><td>1<script>alert(1)</script></td></tr></table>");
    assertEquals("<table><tbody><tr><td>1</td></tr></tbody></table>", r.html());
    assertTrue(r.has("html.element.script"));
  }

  @Test
  void removesEventHandlers() {
    Result r = sanitize("<img src=x.png onerror=alert(1) OnLoad='x()'><div onclick=\"a()\">t</div>");
    assertEquals("<img src=\"x.png\"><div>t</div>", r.html());
    assertEquals(3, r.rules().stream().filter("html.attribute.event-handler"::equals).count());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
      "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
      "<a href=\"jav&#10;ascript:alert(1)\">x</a>",
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
      "<a href=\" &#x01; javascript:alert(1)\">x</a>",
      "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
      "<a href=\"vbscript:msgbox(1)\">x</a>",
      "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
      "<area href=\"javascript:alert(1)\">",
      "<img src=\"javascript:alert(1)\">",
      "<img src=\"data:text/html;base64,PHNjcmlwdD4=\">",
      "<img srcset=\"ok.png 1x, javascript:alert(1) 2x\">",
      "<picture><source srcset=\"data:text/html,x 1x\"><img src=a.png></picture>",
      "<video poster=\"javascript:alert(1)\"></video>",
      "<video src=\"javascript:alert(1)\"></video>",
      "<audio src=\"data:text/html,x\"></audio>",
      "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
      "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
      "<img longdesc=\"javascript:alert(1)\" src=a.png>",
      "<a href=x ping=\"https://evil.example/\">x</a>",
      "<button formaction=\"javascript:alert(1)\">b</button>",
      "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
      "<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>",
      "<svg><image href=\"javascript:alert(1)\"/></svg>",
      "<svg><use href=\"data:image/svg+xml,<svg id='x'><script>alert(1)</script></svg>#x\"/></svg>",
  })
  void removesUnsafeUrlsFromEveryUrlAttribute(String html) {
    Result r = sanitize(html);
    assertInert(r.html());
    assertFalse(r.html().toLowerCase(Locale.ROOT).contains("data:text"), r.html());
    assertFalse(r.html().contains("ping"), r.html());
    assertFalse(r.findings().isEmpty(), "a finding is reported for " + html);
  }

  @Test
  void keepsSafeUrlsAndDataImages() {
    String png = "data:image/png;base64,iVBORw0KGgo=";
    Result r = sanitize("<a href=\"https://example.org/a?b=1&amp;c=2\">l</a><img src=\"" + png
        + "\" srcset=\"" + png + " 1x, b.png 2x\" alt=\"p\"><a href=\"mailto:a@b.c\">m</a>");
    assertEquals("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\" target=\"_blank\">l</a>"
        + "<img src=\"" + png + "\" srcset=\"" + png + " 1x, b.png 2x\" alt=\"p\">"
        + "<a href=\"mailto:a@b.c\" rel=\"noopener noreferrer\" target=\"_blank\">m</a>", r.html());
    assertEquals(java.util.List.of(), r.findings());
  }

  @Test
  void linksGetNoopenerAndOnlyBlankTarget() {
    assertEquals("<a href=\"x\" target=\"_blank\" rel=\"noopener noreferrer\">a</a>",
        sanitize("<a href=x target=_blank rel=opener>a</a>").html());
    Result r = sanitize("<a href=x target=_top>a</a>");
    assertEquals("<a href=\"x\" rel=\"noopener noreferrer\" target=\"_blank\">a</a>", r.html());
    assertTrue(r.has("html.attribute.target"));
  }

  /** A table of contents links to the notebook's headings: those targets are not in the output. */
  @Test
  void fragmentLinksToTargetsOutsideTheOutputStayAsTheyWere() {
    Result r = sanitize("<a href=\"#Section-1\">1</a> <a href=\"#local\">2</a> <span id=\"local\">x</span>"
        + "<svg><a href=\"#Section-2\"><text>3</text></a></svg>");
    assertEquals("<a href=\"#Section-1\" rel=\"noopener noreferrer\">1</a> <a href=\"#nbg-local\""
        + " rel=\"noopener noreferrer\">2</a> <span id=\"nbg-local\">x</span><svg><a href=\"#Section-2\""
        + " rel=\"noopener noreferrer\"><text>3</text></a></svg>", r.html());
    assertEquals(r.html(), sanitize(r.html()).html(), "idempotent");
  }

  /** JupyterLab retargets only the HTML links of its own renderers; the rest would leave the page. */
  @Test
  void linksThatLeaveTheOutputOpenANewTab() {
    assertEquals("<img src=\"a.png\" usemap=\"#nbg-m\"><map name=\"nbg-m\"><area shape=\"rect\""
        + " coords=\"0,0,8,8\" href=\"/lab/tree\" rel=\"noopener noreferrer\" target=\"_blank\"></map>",
        sanitize("<img src=a.png usemap=#m><map name=m><area shape=rect coords=0,0,8,8 href=/lab/tree></map>").html());
    assertEquals("<a href=\"\" rel=\"noopener noreferrer\" target=\"_blank\">reload</a>",
        sanitize("<a href=\"\">reload</a>").html());
    // a same-document fragment stays in the page; an anchor without a link gets no rel
    assertEquals("<a href=\"#nbg-s1\" rel=\"noopener noreferrer\">go</a><a name=\"nbg-s1\">s</a>",
        sanitize("<a href=#s1>go</a><a name=s1 rel=opener>s</a>").html());
  }

  @Test
  void dropsDataAttributesIncludingCommandLinker() {
    Result r = sanitize("<button data-commandlinker-command=\"terminal:create-new\""
        + " data-commandlinker-args=\"{}\">Open</button>");
    assertEquals("<button>Open</button>", r.html());
    assertTrue(r.has("html.attribute.data"));
  }

  @Test
  void dropsReservedClassNames() {
    Result r = sanitize("<div class=\"jp-Dialog lm-Widget p-Menu keep-me JP-x\">x</div>");
    assertEquals("<div class=\"keep-me\">x</div>", r.html());
    assertTrue(r.has("html.attribute.class-reserved"));
  }

  @Test
  void prefixesIdsAndNamesAndRewritesReferences() {
    Result r = sanitize("<a href=\"#sec\">go</a><h2 id=sec>S</h2><label for=cb>l</label>"
        + "<input type=checkbox id=cb name=opt><table><tr><th id=h1>H</th>"
        + "<td headers=\"h1 h2\">v</td></tr></table><span aria-labelledby=\"a b\">s</span>"
        + "<img src=m.png usemap=\"#m\"><map name=m><area href=\"#sec\" alt=x></map>");
    assertEquals("<a href=\"#nbg-sec\" rel=\"noopener noreferrer\">go</a><h2 id=\"nbg-sec\">S</h2>"
        + "<label for=\"nbg-cb\">l</label><input type=\"checkbox\" id=\"nbg-cb\" name=\"nbg-opt\">"
        + "<table><tbody><tr><th id=\"nbg-h1\">H</th><td headers=\"nbg-h1 nbg-h2\">v</td></tr>"
        + "</tbody></table><span aria-labelledby=\"nbg-a nbg-b\">s</span>"
        + "<img src=\"m.png\" usemap=\"#nbg-m\"><map name=\"nbg-m\">"
        + "<area href=\"#nbg-sec\" alt=\"x\" rel=\"noopener noreferrer\"></map>", r.html());
    assertEquals(java.util.List.of(), r.findings(), "prefixing is silent");
  }

  @Test
  void domClobberingNamesCannotShadowDocumentProperties() {
    String out = sanitize("<img name=cookie src=a.png><form name=getElementById></form>"
        + "<a id=defaultView href=x>x</a>").html();
    assertFalse(out.matches("(?s).*(name|id)=\"(cookie|getElementById|defaultView)\".*"), out);
  }

  @Test
  void dropsFormsAndFormActions() {
    Result r = sanitize("<form action=\"https://evil.example/\" method=post><input name=q>"
        + "<button formaction=\"https://evil.example/\" form=f>go</button></form>");
    assertEquals("<input name=\"nbg-q\"><button>go</button>", r.html());
    assertTrue(r.has("html.element.form"));
    assertTrue(r.has("html.attribute.form-action"));
  }

  @Test
  void dropsPasswordAndHiddenInputs() {
    Result r = sanitize("<input type=password name=p><input type=hidden value=x><input type=file>");
    assertEquals("", r.html());
    assertTrue(r.has("html.element.input-type"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<base href=\"javascript:alert(1)//\">",
      "<link rel=stylesheet href=\"https://evil.example/x.css\">",
      "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
      "<iframe src=\"https://evil.example/\"></iframe>",
      "<object data=\"javascript:alert(1)\"></object>",
      "<embed src=\"javascript:alert(1)\">",
      "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
      "<template><img src=x onerror=alert(1)></template>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
      "<xmp><img src=x onerror=alert(1)></xmp>",
      "<noembed><img src=x onerror=alert(1)></noembed>",
      "<noframes><img src=x onerror=alert(1)></noframes>",
      "<title><img src=x onerror=alert(1)></title>",
  })
  void dropsElementsThatLoadRunOrParseDifferently(String html) {
    Result r = sanitize(html);
    assertInert(r.html());
    String lower = r.html().toLowerCase(Locale.ROOT);
    for (String tag : new String[] {"<meta", "<base", "<link", "<object", "<embed", "<frame",
        "<template", "<noscript", "<xmp", "<noembed", "<title", "<img"}) {
      assertFalse(lower.contains(tag), r.html());
    }
    // Either reported, or (frameset in a div) discarded by the HTML parser itself, as browsers do.
    assertTrue(!r.findings().isEmpty() || r.html().isEmpty(), r.html());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<svg><style><img src=x onerror=alert(1)></style></svg>",
      "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
      "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;img src=1 onerror=alert(1)&gt;\">",
      "<math><mi><svg><style><img src=x onerror=alert(1)></style></svg></mi></math>",
      "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
      "<svg><title><img src=x onerror=alert(1)></title></svg>",
      "<svg><desc><style><img src=x onerror=alert(1)></style></desc></svg>",
      "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
      "<svg><script>alert(1)</script></svg>",
      "<svg><script href=\"data:,alert(1)\"/></svg>",
      "<svg><animate attributeName=href values=\"javascript:alert(1)\"/><a><text>x</text></a></svg>",
      "<svg><a><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>",
      "<svg><handler type=\"text/javascript\">alert(1)</handler></svg>",
      "<svg onload=alert(1)><rect onclick=alert(1) width=1 height=1/></svg>",
      "<svg><feImage href=\"javascript:alert(1)\"/></svg>",
      "<select><style></select><img src=x onerror=alert(1)></style></select>",
      "<!--><img src=x onerror=alert(1)>-->",
      "<a title=\"a<!--\">b</a><img src=x onerror=alert(1)>--",
      "<style><img src=x onerror=alert(1)></style>",
      "<textarea></textarea><img src=x onerror=alert(1)></textarea>",
      "<div id=\"x\"><plaintext><img src=x onerror=alert(1)>",
  })
  void survivesNamespaceConfusionAndMxssClassics(String html) {
    Result r = sanitize(html);
    assertInert(r.html());
    // Re-sanitizing the output changes nothing: the browser's view equals ours.
    assertEquals(r.html(), sanitize(r.html()).html());
  }

  @Test
  void keepsStyleBlocksThroughTheCssSanitizer() {
    Result r = sanitize("<style type=\"text/css\" nonce=x>#T_1 td {color: red}</style>"
        + "<table id=T_1><tr><td>1</td></tr></table>");
    // The CSS policy decides what stays; the element keeps only text/css and what the CSS
    // sanitizer returned, never markup.
    assertFalse(r.html().contains("nonce"), r.html());
    assertTrue(r.html().contains("<table id=\"nbg-T_1\">"), r.html());
  }

  @Test
  void styleAttributesGoThroughTheCssPolicyAndEveryRemovalIsReported() {
    Result r = sanitize("<b style=\"color: red; position: fixed\">a</b>"
        + "<i style=\"color: red; position: fixed\">b</i><u style=\"color: red\">c</u>"
        + "<s style=\"color: red\">d</s>");
    assertFalse(r.html().contains("position"), r.html());
    assertEquals(4, r.html().split("color: red", -1).length - 1, r.html());
    long css = r.findings().stream().filter(f -> f.rule().startsWith("css.")).count();
    assertEquals(2, css, "one finding per occurrence, even when the same value repeats: " + r.findings());
  }

  @Test
  void stylesheetsAreConfinedToTheOutputsScope() {
    Result r = sanitize("<style>td { color: blue }</style><table><tr><td>1</td></tr></table>");
    // The CSS policy writes the rules (canonically); the HTML policy puts the scope around them.
    String key = OutputScope.keyFor("<style>td { color: blue }</style><table><tr><td>1</td></tr></table>");
    assertTrue(r.html().startsWith("<div data-nbguard-output=\"" + key + "\"><style>:where([data-nbguard-output=\""
        + key + "\"]) td {"), r.html());
    assertTrue(r.html().endsWith("</style><table><tbody><tr><td>1</td></tr></tbody></table></div>"),
        r.html());
    assertEquals(r.html(), sanitize(r.html()).html(), "our own scope survives, once");
  }

  /** One output's rules reach no other output: each scope carries its own key. */
  @Test
  void eachOutputHasItsOwnScope() {
    String a = sanitize("<style>td { color: red }</style><table><tr><td>a</td></tr></table>").html();
    String b = sanitize("<style>td::after { content: \"spoofed\" }</style><table><tr><td>b</td></tr></table>").html();
    String keyA = a.replaceFirst("(?s)^<div data-nbguard-output=\"([0-9a-f]{16})\">.*", "$1");
    String keyB = b.replaceFirst("(?s)^<div data-nbguard-output=\"([0-9a-f]{16})\">.*", "$1");
    assertTrue(keyA.matches("[0-9a-f]{16}") && keyB.matches("[0-9a-f]{16}") && !keyA.equals(keyB), a + b);
    assertFalse(b.contains(keyA), b);
    // copying another output's scoped rule does not make it apply there: refused
    Result copied = sanitize("<style>:where([data-nbguard-output=\"" + keyA + "\"]) td { color: green }</style>x");
    assertFalse(copied.html().contains(keyA), copied.html());
    assertTrue(copied.has("css.selector.outside-output"), copied.html());
  }

  @Test
  void outputCannotForgeTheScope() {
    Result deep = sanitize("<p data-nbguard-output>x</p>");
    assertEquals("<p>x</p>", deep.html());
    assertTrue(deep.has("html.attribute.data"));
    // A top-level wrapper that looks like ours is removed (silently); without a kept style sheet
    // none is put back.
    assertEquals("<p>x</p>", sanitize("<div data-nbguard-output=\"0123456789abcdef\"><p>x</p></div>").html());
    assertTrue(Policies.HTML.verifier().check("<div data-nbguard-output=\"0123456789abcdef\">"
        + "<p data-nbguard-output=\"0123456789abcdef\">x</p></div>").isPresent());
    assertTrue(Policies.HTML.verifier().check("<div data-nbguard-output=\"0123456789abcdef\"><p>x</p></div>").isEmpty());
    assertTrue(Policies.HTML.verifier().check("<div data-nbguard-output=\"\"><p>x</p></div>").isPresent(),
        "no key, not ours");
  }

  @Test
  void keepsInlineSvgWithFragmentReferences() {
    Result r = sanitize("<svg width=10 height=10 viewBox=\"0 0 10 10\"><defs>"
        + "<symbol id=icon><path d=\"M0 0L1 1\"/></symbol><clipPath id=c><rect width=5 height=\"5\"/>"
        + "</clipPath></defs><use xlink:href=\"#icon\" clip-path=\"url(#c)\"/></svg>");
    assertEquals("<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\"><defs>"
        + "<symbol id=\"nbg-icon\"><path d=\"M0 0L1 1\" /></symbol><clipPath id=\"nbg-c\">"
        + "<rect width=\"5\" height=\"5\" /></clipPath></defs>"
        + "<use xlink:href=\"#nbg-icon\" clip-path=\"url(#nbg-c)\" /></svg>", r.html());
    assertEquals(java.util.List.of(), r.findings());
  }

  @Test
  void svgUseWithExternalHrefLosesTheHref() {
    Result r = sanitize("<svg><use href=\"https://evil.example/sprite.svg#x\"/>"
        + "<rect fill=\"url(https://evil.example/p.svg#g)\" width=1 height=\"1\"/></svg>");
    assertEquals("<svg><use /><rect width=\"1\" height=\"1\" /></svg>", r.html());
    assertEquals(2, r.rules().stream().filter("svg.url.external"::equals).count());
  }

  @Test
  void cdataInInlineSvgBecomesEscapedText() {
    Result r = sanitize("<svg><text><![CDATA[<img src=x onerror=alert(1)>]]></text></svg>");
    assertEquals("<svg><text>&lt;img src=x onerror=alert(1)&gt;</text></svg>", r.html());
  }

  @Test
  void parserFixUpsReachAFixedPoint() {
    // jsoup builds a <select> holding an <input> and a <table>; parsing that output again closes
    // the select early. The second tree is what a browser sees, so it is the one returned.
    String input = "a</template><select></textarea><table><<input type=checkbox id=c>"
        + "<label for=c></table></table>";
    Result r = sanitize(input);
    assertFalse(r.has("html.verify-failed"), r.findings().toString());
    assertEquals(r.html(), sanitize(r.html()).html());
    assertTrue(TreeComparison.same(HtmlFragments.parse(r.html()),
        HtmlFragments.parse(HtmlFragments.serialize(HtmlFragments.parse(r.html())))));
  }

  @Test
  void dropsMathMl() {
    Result r = sanitize("<p>a<math><mi>x</mi></math>b</p>");
    assertEquals("<p>ab</p>", r.html());
    assertTrue(r.has("html.element.math"));
  }

  @Test
  void unwrapsUnknownElementsKeepingTheirText() {
    Result r = sanitize("<my-widget foo=bar><b>bold</b></my-widget><blink>x</blink>");
    assertEquals("<b>bold</b>x", r.html());
    assertTrue(r.has("html.element.unknown"));
  }

  @Test
  void commentsAreRemovedSilently() {
    Result r = sanitize("<p>a<!-- note -->b</p>");
    assertEquals("<p>ab</p>", r.html());
    assertEquals(java.util.List.of(), r.findings());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<a id=x href=\"#x\" name=y>t</a><label for=x>l</label>",
      "<svg><defs><linearGradient id=g/></defs><rect fill=\"url(#g)\" style=\"fill: url(#g)\"/></svg>",
      "<div id=nbg-already>x</div>",
      "<img src=x onerror=alert(1)><script>1</script><p class=\"jp-x\">q",
      "<table><tr><td>1<td>2</table>",
      "&lt;script&gt; &amp; &nbsp; \u00e9",
  })
  void isIdempotent(String html) {
    String once = sanitize(html).html();
    assertEquals(once, sanitize(once).html());
    assertFalse(once.contains("nbg-nbg-"), once);
  }

  @Test
  void deepNestingDoesNotOverflowTheStack() {
    String deep = "<div>".repeat(20_000) + "x" + "</div>".repeat(20_000);
    String out = sanitize(deep + "<img src=x onerror=alert(1)>").html();
    assertInert(out);
  }

  @Test
  void failsClosedWhenTheVerifierObjects() {
    HtmlVerifier v = Policies.HTML.verifier();
    assertTrue(v.check("<img src=x onerror=alert(1)>").isPresent());
    assertTrue(v.check("<div id=raw>x</div>").isPresent());
    assertTrue(v.check("<svg><p>x</p></svg>").isEmpty(), "p breaks out of svg into HTML");
    assertTrue(v.check("<svg><title><b>x</b></title></svg>").isPresent());
    assertTrue(v.check("<math></math>").isPresent());
    assertTrue(v.check("<!-- c -->").isPresent());
    assertTrue(v.check("<a href=\"javascript:x\">a</a>").isPresent());
    assertTrue(v.check("<p>fine <b>bold</b></p>").isEmpty());
  }
}
