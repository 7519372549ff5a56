package dev.nbguard.sanitizer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files under {@code src/test/resources/<area>/}: {@code <case>.input.<ext>} with
 * {@code <case>.expected.<ext>}. A missing expected file fails the test and shows the actual
 * output, so a new case is reviewed before it is recorded.
 */
public final class Goldens {
  private Goldens() {}

  public static Stream<String> cases(String area, String ext) {
    Path dir = dir(area);
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".input." + ext))
          .map(n -> n.substring(0, n.length() - (".input." + ext).length()))
          .sorted()
          .toList();
      return names.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(String area, String name) {
    try {
      return Files.readString(dir(area).resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean exists(String area, String name) {
    return Files.exists(dir(area).resolve(name));
  }

  private static Path dir(String area) {
    try {
      return Path.of(Goldens.class.getResource("/" + area).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
