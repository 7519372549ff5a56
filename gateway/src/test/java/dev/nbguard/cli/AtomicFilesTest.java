package dev.nbguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void failedWriteLeavesTheOldContentAndNoTempFile() throws IOException {
    Path target = dir.resolve("nb.ipynb");
    Files.writeString(target, "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("half of the new conte".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("nb.ipynb"), files());
  }

  @Test
  void newFileIsCreatedWithoutLeftovers() throws IOException {
    Path target = dir.resolve("new.ipynb");
    AtomicFiles.write(target, out -> out.write("{}\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("{}\n", Files.readString(target));
    assertEquals(List.of("new.ipynb"), files());
  }
}
