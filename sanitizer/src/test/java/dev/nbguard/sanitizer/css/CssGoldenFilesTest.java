package dev.nbguard.sanitizer.css;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.sanitizer.css.CssTestSupport.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays {@code src/test/resources/css/<case>.input.css} against {@code <case>.expected.css} and
 * {@code <case>.findings.txt} (see SOURCES.md there). With {@code -Dcss.golden.update=true} the
 * expected files are rewritten instead, for review.
 */
class CssGoldenFilesTest {
  private static final Path DIR = Path.of("src/test/resources/css");
  private static final boolean UPDATE = Boolean.getBoolean("css.golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".input.css"))
              .map(n -> n.substring(0, n.length() - ".input.css".length()))
              .sorted()
              .toList();
      assertFalse(names.isEmpty(), "no golden cases under " + DIR.toAbsolutePath());
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sanitizesAsRecorded(String name) throws IOException {
    Result r = CssTestSupport.stylesheet(read(name + ".input.css"));
    String findings = String.join("\n", r.rules()) + (r.rules().isEmpty() ? "" : "\n");
    if (UPDATE) {
      write(name + ".expected.css", r.css());
      write(name + ".findings.txt", findings);
    }
    assertEquals(read(name + ".expected.css"), r.css(), name);
    assertEquals(read(name + ".findings.txt"), findings, name);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void expectedOutputIsAFixedPoint(String name) throws IOException {
    String expected = read(name + ".expected.css");
    Result again = CssTestSupport.stylesheet(expected);
    assertEquals(expected, again.css(), name);
    assertEquals(List.of(), again.findings(), name);
    assertTrue(expected.indexOf('<') < 0, name);
  }

  private static String read(String file) throws IOException {
    return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
  }

  private static void write(String file, String text) throws IOException {
    Files.writeString(DIR.resolve(file), text, StandardCharsets.UTF_8);
  }
}
