package dev.nbguard.e2e.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One cell the UI proofs type and run (resources notebook-ui/cells.py): its id, kind, the UIs in
 * which it executes without nbguard (attacks) and its Python source.
 */
public record NotebookCell(String id, Kind kind, Set<String> executesDirectIn, String source) {

  public enum Kind {
    SETUP, ATTACK, BENIGN
  }

  private static final Pattern HEADER =
      Pattern.compile("^# %% (\\S+) (setup|attack|benign)(?: direct=(\\S+))?\\s*$");

  public boolean attack() {
    return kind == Kind.ATTACK;
  }

  /** Parses the cells file, replacing {{PWN_FILE}} with {@code pwnFile}. */
  public static List<NotebookCell> load(Path file, Path pwnFile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<NotebookCell> cells = new ArrayList<>();
    String id = null;
    Kind kind = null;
    Set<String> direct = Set.of();
    StringBuilder source = new StringBuilder();
    for (String line : lines) {
      Matcher m = HEADER.matcher(line);
      if (m.matches()) {
        if (id != null) {
          cells.add(cell(id, kind, direct, source, pwnFile));
        }
        id = m.group(1);
        kind = Kind.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
        direct = m.group(3) == null ? Set.of()
            : Arrays.stream(m.group(3).split(",")).collect(Collectors.toUnmodifiableSet());
        source.setLength(0);
      } else if (id != null) {
        source.append(line).append('\n');
      } else if (line.startsWith("# %%")) {
        throw new IllegalArgumentException(file + ": bad cell header: " + line);
      }
    }
    if (id != null) {
      cells.add(cell(id, kind, direct, source, pwnFile));
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(file + ": no cells");
    }
    return List.copyOf(cells);
  }

  private static NotebookCell cell(String id, Kind kind, Set<String> direct, StringBuilder source,
      Path pwnFile) {
    String text = source.toString().strip().replace("{{PWN_FILE}}", pwnFile.toString());
    return new NotebookCell(id, kind, direct, text);
  }
}
