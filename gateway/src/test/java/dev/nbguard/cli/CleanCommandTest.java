package dev.nbguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class CleanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path copy(String resource) throws IOException {
    Path p = dir.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream("/cli/" + resource)) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void checkExits1AndSaysWhereWhenSomethingWouldChange() throws IOException {
    Path nb = copy("script.ipynb");
    byte[] before = Files.readAllBytes(nb);
    CliRun r = CliRun.of("clean", "--check", nb.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains(nb + ": cell 1, output 0, text/html: "), r.out());
    assertArrayEquals(before, Files.readAllBytes(nb), "--check changes nothing");
  }

  @Test
  void checkExits0OnACleanNotebook() throws IOException {
    Path nb = copy("clean.ipynb");
    CliRun r = CliRun.of("clean", "--check", nb.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("nothing to clean"), r.out());
  }

  @Test
  void checkTakesSeveralNotebooksLikeAPreCommitHook() throws IOException {
    Path clean = copy("clean.ipynb");
    Path dirty = copy("script.ipynb");
    CliRun r = CliRun.of("clean", "--check", clean.toString(), dirty.toString());
    assertEquals(1, r.code());
    assertFalse(r.out().contains(clean + ": cell"), r.out());
    assertTrue(r.out().contains("1 of 2 notebooks would be cleaned"), r.out());
  }

  @Test
  void writesCleanedNotebookToStdoutKeepingPlainTextAndSources() throws IOException {
    Path nb = copy("script.ipynb");
    CliRun r = CliRun.of("clean", nb.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode before = JSON.readTree(nb.toFile());
    JsonNode after = JSON.readTree(r.out());
    assertFalse(r.out().contains("<script>alert(document.cookie)"), r.out());
    assertEquals(before.at("/cells/1/outputs/0/data/text~1plain"), after.at("/cells/1/outputs/0/data/text~1plain"));
    assertEquals(before.at("/cells/2"), after.at("/cells/2"));
    assertEquals(before.at("/cells/1/source"), after.at("/cells/1/source"));
    assertTrue(r.err().contains("cell 1, output 0, text/html"), r.err());
    assertTrue(r.out().startsWith("{\n \"cells\": [\n"), "nbformat layout");
  }

  @Test
  void cleanNotebookGoesToStdoutByteForByte() throws IOException {
    Path nb = copy("clean.ipynb");
    CliRun r = CliRun.of("clean", nb.toString());
    assertEquals(0, r.code());
    assertArrayEquals(Files.readAllBytes(nb), r.out().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsStdinWithDash() throws IOException {
    String text = Files.readString(copy("script.ipynb"));
    CliRun r = CliRun.withStdin(text, "clean", "-");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("<script>alert(document.cookie)"));
  }

  @Test
  void inPlaceRewritesAtomicallyKeepsPermissionsAndLeavesNoTempFile() throws IOException {
    Path nb = copy("script.ipynb");
    Files.setPosixFilePermissions(nb, PosixFilePermissions.fromString("rw-r-----"));
    CliRun r = CliRun.of("clean", "--in-place", nb.toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.readString(nb).contains("<script>alert(document.cookie)"));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(nb)));
    assertEquals(List.of("script.ipynb"), files());
  }

  /** Under every preset a cleaned notebook passes --check and cleaning again changes nothing. */
  @ParameterizedTest
  @ValueSource(strings = {"strict", "default", "permissive"})
  void cleaningIsIdempotent(String preset) throws IOException {
    Path nb = copy("script.ipynb");
    assertEquals(0, CliRun.of("clean", "--policy", preset, "--in-place", nb.toString()).code());
    byte[] once = Files.readAllBytes(nb);
    CliRun check = CliRun.of("clean", "--policy", preset, "--check", nb.toString());
    assertEquals(0, check.code(), check.out());
    assertEquals(0, CliRun.of("clean", "--policy", preset, "--in-place", nb.toString()).code());
    assertArrayEquals(once, Files.readAllBytes(nb));
  }

  /** Scoping a style sheet and prefixing ids remove nothing: --check passes, cleaning still writes. */
  @Test
  void checkIgnoresSilentNormalisationsThatCleaningStillWrites() throws IOException {
    Path nb = copy("styled.ipynb");
    byte[] before = Files.readAllBytes(nb);
    CliRun check = CliRun.of("clean", "--check", nb.toString());
    assertEquals(0, check.code(), check.out());
    assertArrayEquals(before, Files.readAllBytes(nb));
    assertEquals(0, CliRun.of("clean", "--in-place", nb.toString()).code());
    String cleaned = Files.readString(nb);
    assertTrue(cleaned.contains("data-nbguard-output"), cleaned);
    assertTrue(cleaned.contains("nbg-t"), cleaned);
  }

  @Test
  void inPlaceLeavesACleanNotebookUntouched() throws IOException {
    Path nb = copy("clean.ipynb");
    Files.setLastModifiedTime(nb, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000L));
    CliRun r = CliRun.of("clean", "--in-place", nb.toString());
    assertEquals(0, r.code());
    assertEquals(1_000_000_000L, Files.getLastModifiedTime(nb).toMillis());
  }

  @Test
  void inPlaceWritesThroughASymlink() throws IOException {
    Path nb = copy("script.ipynb");
    Path link = Files.createSymbolicLink(dir.resolve("link.ipynb"), nb.getFileName());
    assertEquals(0, CliRun.of("clean", "-i", link.toString()).code());
    assertTrue(Files.isSymbolicLink(link));
    assertFalse(Files.readString(nb).contains("<script>alert(document.cookie)"));
  }

  @Test
  void outputOptionWritesTheFileAndLeavesTheInputAlone() throws IOException {
    Path nb = copy("script.ipynb");
    byte[] before = Files.readAllBytes(nb);
    Path out = dir.resolve("out.ipynb");
    CliRun r = CliRun.of("clean", nb.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertArrayEquals(before, Files.readAllBytes(nb));
    assertFalse(Files.readString(out).contains("<script>alert(document.cookie)"));
    assertEquals(List.of("out.ipynb", "script.ipynb"), files());
  }

  @Test
  void notANotebookIsAnErrorAndTheFileIsUntouched() throws IOException {
    Path notNb = dir.resolve("data.ipynb");
    Files.writeString(notNb, "{\"hello\": \"world\"}\n");
    CliRun r = CliRun.of("clean", "--in-place", notNb.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(notNb + ": not a Jupyter notebook (nbformat 4)"), r.err());
    assertEquals("{\"hello\": \"world\"}\n", Files.readString(notNb));
    assertEquals(List.of("data.ipynb"), files());
  }

  @Test
  void invalidJsonNamesFileAndLineAndExits2() throws IOException {
    Path bad = dir.resolve("bad.ipynb");
    Files.writeString(bad, "{\n \"cells\": [\n  {,\n ]\n}\n");
    CliRun r = CliRun.of("clean", "--check", bad.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(bad + ": line 3: not valid JSON"), r.err());
    assertTrue(r.out().contains("0 of 1 notebook would be cleaned, 1 could not be read"), r.out());
  }

  @Test
  void unwritableOutputIsAClearErrorNotACrash() throws IOException {
    Path nb = copy("script.ipynb");
    Path out = dir.resolve("no-such-dir").resolve("out.ipynb");
    CliRun r = CliRun.of("clean", nb.toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nbguard: cannot write " + out + ": no such directory"), r.err());
  }

  @Test
  void missingFileIsAnErrorButOtherNotebooksAreStillCleaned() throws IOException {
    Path nb = copy("script.ipynb");
    Path missing = dir.resolve("missing.ipynb");
    CliRun r = CliRun.of("clean", "--in-place", missing.toString(), nb.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(missing + ": no such file"), r.err());
    assertFalse(Files.readString(nb).contains("<script>alert(document.cookie)"));
    assertFalse(Files.exists(missing));
  }

  @Test
  void conflictingModesAreUsageErrors() throws IOException {
    Path nb = copy("script.ipynb");
    assertEquals(2, CliRun.of("clean", "--check", "--in-place", nb.toString()).code());
    assertEquals(2, CliRun.of("clean", nb.toString(), nb.toString()).code());
    assertEquals(2, CliRun.of("clean").code());
    assertEquals(2, CliRun.of("clean", "-i", "-").code());
  }
}
