package dev.nbguard.sanitizer.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files {@code <case>.input.<ext>} / {@code <case>.expected.<ext>} under
 * {@code src/test/resources/<area>}. With {@code -Dnbguard.updateGoldens=true} the expected files
 * are (re)written instead of compared; review the diff before committing.
 */
public final class Goldens {
  private Goldens() {}

  public static boolean updating() {
    return Boolean.getBoolean("nbguard.updateGoldens");
  }

  public static Path dir(String area) {
    return Path.of("src", "test", "resources", area);
  }

  public static List<String> cases(String area, String ext) {
    try (Stream<Path> files = Files.list(dir(area))) {
      String suffix = ".input." + ext;
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .map(n -> n.substring(0, n.length() - suffix.length()))
          .sorted()
          .toList();
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

  public static void write(String area, String name, String content) {
    try {
      Files.writeString(dir(area).resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
