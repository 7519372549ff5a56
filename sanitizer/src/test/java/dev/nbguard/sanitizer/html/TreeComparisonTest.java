package dev.nbguard.sanitizer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

class TreeComparisonTest {
  @Test
  void splitTextCountsAsOneRun() {
    Element a = HtmlFragments.parse("<p>ab</p>");
    Element p = a.child(0);
    p.empty();
    p.appendChild(new TextNode("a"));
    p.appendChild(new TextNode("b"));
    assertTrue(TreeComparison.same(a, HtmlFragments.parse("<p>ab</p>")));
  }

  @Test
  void seesDifferentNamesAttributesAndShapes() {
    assertFalse(TreeComparison.same(HtmlFragments.parse("<p>a</p>"), HtmlFragments.parse("<b>a</b>")));
    assertFalse(TreeComparison.same(
        HtmlFragments.parse("<p id=nbg-a>a</p>"), HtmlFragments.parse("<p id=nbg-b>a</p>")));
    assertFalse(TreeComparison.same(
        HtmlFragments.parse("<p>a</p><p>b</p>"), HtmlFragments.parse("<p>a</p>")));
    assertFalse(TreeComparison.same(HtmlFragments.parse("<svg></svg>"), HtmlFragments.parse("<b></b>")));
  }

  @Test
  void runsTheCheckOnEveryNodeOfTheSecondTree() {
    HtmlVerifier verifier = Policies.HTML.verifier();
    Element clean = HtmlFragments.parse("<div><p>x</p><span id=nbg-ok>y</span></div>");
    assertEquals(new TreeComparison.Outcome(java.util.Optional.empty(), true),
        TreeComparison.compare(clean, HtmlFragments.parse(HtmlFragments.serialize(clean)),
            verifier::problemWith));
    Element bad = HtmlFragments.parse("<div><p>x</p><span id=raw>y</span></div>");
    TreeComparison.Outcome o = TreeComparison.compare(bad, HtmlFragments.parse(
        "<div><p>x</p><span id=raw>y</span></div>"), verifier::problemWith);
    assertEquals("unprefixed id", o.problem().orElseThrow());
  }
}
