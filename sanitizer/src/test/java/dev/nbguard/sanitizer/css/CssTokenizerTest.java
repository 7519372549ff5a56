package dev.nbguard.sanitizer.css;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CssTokenizerTest {
  private static List<CssToken> tokens(String css) {
    return CssTokenizer.tokenize(css);
  }

  private static String types(String css) {
    return tokens(css).stream().map(t -> t.type().name()).collect(Collectors.joining(" "));
  }

  @Test
  void decodesHexEscapeInFunctionNameSoEscapedUrlIsAUrl() {
    List<CssToken> t = tokens("\\75 rl(http://x/)");
    assertEquals(List.of(CssToken.of(Type.URL, "http://x/")), t);
  }

  @Test
  void decodesCharacterEscapeInFunctionName() {
    assertEquals(List.of(CssToken.of(Type.URL, "a")), tokens("u\\rl(a)"));
    assertEquals(List.of(CssToken.of(Type.URL, "a")), tokens("UrL(a)"));
  }

  @Test
  void urlWithQuotedArgumentIsAFunctionWithAString() {
    assertEquals("FUNCTION STRING RIGHT_PAREN", types("url( 'x' )").replace(" WHITESPACE", ""));
    assertEquals("url", tokens("url(\"x\")").get(0).value());
  }

  @Test
  void commentsVanishAndSurroundingSpaceIsOneToken() {
    assertEquals("IDENT WHITESPACE IDENT", types("a /* x */ b"));
    assertEquals("IDENT IDENT", types("a/**/b"));
    assertEquals("IDENT", types("a/* unterminated"));
  }

  @Test
  void escapeInsideUrlTokenIsDecoded() {
    assertEquals(CssToken.of(Type.URL, "java\tscript:x"), tokens("url(java\\9 script:x)").get(0));
  }

  @Test
  void quoteOrSpaceInsideUnquotedUrlMakesABadUrl() {
    assertEquals(Type.BAD_URL, tokens("url(a b)").get(0).type());
    assertEquals(Type.BAD_URL, tokens("url(a\"b)").get(0).type());
    assertEquals(Type.BAD_URL, tokens("url(/* c */x)").get(0).type());
    assertEquals(1, tokens("url(a(b)").size(), "the remnants up to ')' are swallowed");
  }

  @Test
  void newlineEndsAStringAsBadString() {
    assertEquals("BAD_STRING WHITESPACE IDENT", types("\"abc\ndef"));
  }

  @Test
  void escapedNewlineContinuesAString() {
    assertEquals(CssToken.of(Type.STRING, "abcdef"), tokens("'abc\\\ndef'").get(0));
  }

  @Test
  void nulAndZeroEscapeAndLoneSurrogateBecomeReplacementCharacter() {
    assertEquals("a\uFFFDb", tokens("a\u0000b").get(0).value());
    assertEquals("a\uFFFDb", tokens("a\\0 b").get(0).value());
    assertEquals("a\uFFFDb", tokens("a\\D800 b").get(0).value());
    assertEquals("a\uFFFDb", tokens("a\uD800b").get(0).value());
    assertEquals("a\uFFFDb", tokens("a\\110000 b").get(0).value());
  }

  @Test
  void backslashAtEndOfInputIsReplacementCharacterInAName() {
    assertEquals("a\uFFFD", tokens("a\\").get(0).value());
  }

  @Test
  void backslashNewlineOutsideStringIsADelimiter() {
    assertTrue(tokens("\\\n").get(0).isDelim('\\'));
  }

  @Test
  void hashKnowsWhetherItStartsAnIdentifier() {
    assertTrue(tokens("#a1").get(0).idHash());
    assertFalse(tokens("#1a").get(0).idHash());
    assertEquals("1f77b4", tokens("#1f77b4").get(0).value());
  }

  @Test
  void numbersKeepTheirDigitsAndUnitsAreDecoded() {
    CssToken d = tokens("1.5e3\\70 x").get(0);
    assertEquals(Type.DIMENSION, d.type());
    assertEquals("1.5e3", d.number());
    assertEquals("px", d.value());
    assertEquals("PERCENTAGE", types("-.5%"));
    assertEquals("NUMBER", types("+12"));
    assertEquals("DIMENSION NUMBER", types("2n+1"));
  }

  @Test
  void markupCommentDelimitersAreTokens() {
    assertEquals("CDO WHITESPACE IDENT WHITESPACE CDC", types("<!-- a -->"));
  }

  @Test
  void unicodeRangeIsReadAsOrdinaryTokensWithoutFailing() {
    assertEquals("IDENT NUMBER DIMENSION", types("U+0025-00FF"));
    assertEquals("IDENT NUMBER DELIM DELIM", types("u+4??"));
  }

  @Test
  void crAndFormFeedAreNewlines() {
    assertEquals(Type.BAD_STRING, tokens("'a\rb'").get(0).type());
    assertEquals(Type.BAD_STRING, tokens("'a\fb'").get(0).type());
  }

  @Test
  void atKeywordNameIsDecoded() {
    assertEquals(CssToken.of(Type.AT_KEYWORD, "import"), tokens("@\\69mport").get(0));
  }
}
