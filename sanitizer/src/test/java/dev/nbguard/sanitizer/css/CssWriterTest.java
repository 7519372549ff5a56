package dev.nbguard.sanitizer.css;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the writer emits reads back as exactly the tokens it was given. */
class CssWriterTest {
  private static final String[] PIECES =
      ("a|b|e|E|n|u|url(|\\75 rl(|\\31 |\\0 |\\2d |\\65 |#|.|-|--|+|1|2.5|%|(|)|[|]|{|}|;|:|,|"
              + "'x'|\"y\"|/*c*/|/|*|>|~|=|@|@a|<!--|-->| |\u00e9|\uFFFD|&|<|!|$|^|\\\"|\\'|"
              + "\\<|\\&|\\ |\\,|\\:")
          .split("\\|", -1);

  /** Tokens the writer must reproduce: the ones a sanitizer can keep (no bad or \ tokens). */
  private static List<CssToken> tokens(String css) {
    return CssTokenizer.tokenize(css);
  }

  private static boolean writable(List<CssToken> tokens) {
    return tokens.stream()
        .noneMatch(t -> t.is(Type.BAD_STRING) || t.is(Type.BAD_URL) || t.isDelim('\\'));
  }

  /**
   * Reads back as the same component values; the writer closes blocks left open at the end of
   * input and writes a {@code url(x)} token as {@code url("x")}, so those are compared as such.
   */
  private static void assertRoundTrip(String css) {
    List<CssNode> before = CssWriter.trim(CssParser.componentValues(tokens(css)));
    String written = CssWriter.write(before);
    List<CssNode> after = CssParser.componentValues(tokens(written));
    assertEquals(normal(before), after, () -> "input: " + css + "\nwritten: " + written);
  }

  private static List<CssNode> normal(List<CssNode> nodes) {
    List<CssNode> out = new ArrayList<>();
    for (CssNode n : nodes) {
      if (n.is(Type.URL)) {
        String url = ((CssNode.Tok) n).token().value();
        out.add(new CssNode.Func("url", List.of(new CssNode.Tok(CssToken.of(Type.STRING, url)))));
      } else if (n instanceof CssNode.Block b) {
        out.add(new CssNode.Block(b.open(), normal(b.content())));
      } else if (n instanceof CssNode.Func f) {
        out.add(new CssNode.Func(f.name(), normal(f.args())));
      } else {
        out.add(n);
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a/**/b",
        "a/**/(",
        "1/**/2",
        "1/**/%",
        "#a/**/-b",
        "-/**/-/**/a",
        "@/**/a",
        "./**/5",
        "+/**/5",
        "//**/*",
        "1\\65 5px",
        "1e\\2d 5x",
        "\\31 a \\-- \\- -\\31 ",
        "'a\"b' \"c'd\" '\\\\'",
        "url(a\\)b) url(\\28 )",
        "#\\31 23 #-a #--b #\\e9",
        "u\\+0041",
        "#/**/--> -/**/--> @/**/--> 1/**/--> --/**/>",
        ".5e/**/+1 2\\65 +1"
      })
  void writesTokensThatReadBackIdentically(String css) {
    assertRoundTrip(css);
  }

  @Test
  void randomTokenSequencesReadBackIdentically() {
    Random random = new Random(Long.getLong("css.fuzz.seed", 7L));
    int checked = 0;
    for (int n = 0; n < Integer.getInteger("css.fuzz.rounds", 20_000); n++) {
      StringBuilder sb = new StringBuilder();
      int length = 1 + random.nextInt(30);
      for (int i = 0; i < length; i++) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String css = sb.toString();
      if (writable(tokens(css))) {
        assertRoundTrip(css);
        checked++;
      }
    }
    assertEquals(true, checked > 4000 || Integer.getInteger("css.fuzz.rounds") != null, "too few writable samples: " + checked);
  }

  @Test
  void separatesOnlyWhereTokensWouldMerge() {
    assertEquals("a/**/b 2n+1 1/**/-1", CssWriter.write(CssParser.componentValues(
        tokens("a/**/b 2n+1 1/**/-1"))));
  }
}
