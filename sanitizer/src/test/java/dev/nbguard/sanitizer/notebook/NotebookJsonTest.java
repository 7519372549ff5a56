package dev.nbguard.sanitizer.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotebookJsonTest {
  static byte[] resource(String name) throws IOException {
    try (InputStream in = NotebookJsonTest.class.getResourceAsStream("/notebook/" + name)) {
      return in.readAllBytes();
    }
  }

  /** clean.ipynb was written by nbformat 5.5 (floats, NaN, -0.0, emoji, U+2028, control chars). */
  @Test
  void notebookWrittenByNbformatIsRewrittenByteForByte() throws IOException {
    byte[] original = resource("clean.ipynb");
    JsonNode nb = NotebookJson.read(new String(original, StandardCharsets.UTF_8));
    byte[] again = NotebookJson.writeNotebook(nb).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(original, again);
  }

  @Test
  void keysAreSortedByCodePointLikePython() {
    JsonNode n = NotebookJson.read("{\"b\":1,\"\uFF21\":2,\"\uD83D\uDE00\":3,\"a\":{}}");
    assertEquals("{\n \"a\": {},\n \"b\": 1,\n \"\uFF21\": 2,\n \"\uD83D\uDE00\": 3\n}\n",
        NotebookJson.writeNotebook(n));
  }

  @Test
  void compactFormKeepsKeyOrderAndEscapesLikePython() {
    JsonNode n = NotebookJson.read("{\"z\": [1, 2.50, \"\\u0001\\u00e9\\\"\"], \"a\": null}");
    assertEquals("{\"z\":[1,2.50,\"\\u0001é\\\"\"],\"a\":null}", NotebookJson.writeCompact(n));
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, 1.0", "0.1, 0.1", "1e-05, 0.00001", "0.0001, 0.0001", "1e+16, 1e16",
    "1000000000000000.0, 1e15", "1.5e+300, 1.5e300", "-2.5e-07, -2.5e-7", "123.456, 123.456",
    "5e-324, 4.9e-324"
  })
  void newFloatsAreWrittenAsPythonRepr(String python, String javaLiteral) {
    double d = Double.parseDouble(javaLiteral);
    assertEquals(python, NotebookJson.writeCompact(DoubleNode.valueOf(d)));
    assertEquals(python, NotebookJson.writeCompact(DecimalNode.valueOf(new BigDecimal(python))));
  }

  @Test
  void badJsonNamesTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NotebookJson.read("{\n \"a\": 1,\n \"b\": ]\n}"));
    assertTrue(e.getMessage().startsWith("line 3: not valid JSON: "), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NotebookJson.read("{} {}"));
    assertTrue(e.getMessage().contains("more content after"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NotebookJson.read("  \n"));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }
}
