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
public record NotebookCell(String id, Kind kind, Set<String> executesDirectIn, Set<String> onlyIn,
    String source) {

  public enum Kind {
    SETUP, ATTACK, BENIGN
  }

  private static final Pattern HEADER = Pattern.compile(
      "^# %% (\\S+) (setup|attack|benign)(?: direct=(\\S+))?(?: only=(\\S+))?\\s*$");

  /** A cell with the UIs it executes in without nbguard, run in every UI. */
  public NotebookCell(String id, Kind kind, Set<String> executesDirectIn, String source) {
    this(id, kind, executesDirectIn, Set.of(), source);
  }

  public boolean attack() {
    return kind == Kind.ATTACK;
  }

  /** Whether this cell runs in {@code ui} (only= in its header limits it). */
  public boolean runsIn(String ui) {
    return onlyIn.isEmpty() || onlyIn.contains(ui);
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
    Set<String> only = Set.of();
    StringBuilder source = new StringBuilder();
    for (String line : lines) {
      Matcher m = HEADER.matcher(line);
      if (m.matches()) {
        if (id != null) {
          cells.add(cell(id, kind, direct, only, source, pwnFile));
        }
        id = m.group(1);
        kind = Kind.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
        direct = names(m.group(3));
        only = names(m.group(4));
        source.setLength(0);
      } else if (id != null) {
        source.append(line).append('\n');
      } else if (line.startsWith("# %%")) {
        throw new IllegalArgumentException(file + ": bad cell header: " + line);
      }
    }
    if (id != null) {
      cells.add(cell(id, kind, direct, only, source, pwnFile));
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(file + ": no cells");
    }
    return List.copyOf(cells);
  }

  private static NotebookCell cell(String id, Kind kind, Set<String> direct, Set<String> only,
      StringBuilder source, Path pwnFile) {
    String text = source.toString().strip().replace("{{PWN_FILE}}", pwnFile.toString());
    return new NotebookCell(id, kind, direct, only, text);
  }

  private static Set<String> names(String commaList) {
    return commaList == null ? Set.of()
        : Arrays.stream(commaList.split(",")).collect(Collectors.toUnmodifiableSet());
  }
}
