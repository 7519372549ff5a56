package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Reads corpus/…/*.jsonl files; a malformed line or a duplicate id is an error, not a skip. */
public final class CorpusReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusReader() {}

  /** Every case of every *.jsonl file in {@code dir}, files in name order. */
  public static List<CorpusCase> readDir(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("no corpus directory at " + dir);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<CorpusCase> cases = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : files) {
      for (CorpusCase c : readFile(file)) {
        if (!ids.add(c.id())) {
          throw new IllegalStateException("duplicate case id '" + c.id() + "' in " + file);
        }
        cases.add(c);
      }
    }
    return cases;
  }

  public static List<CorpusCase> readFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getFileName().toString();
    String defaultCategory = name.substring(0, name.length() - ".jsonl".length());
    List<CorpusCase> cases = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new IllegalStateException(where + ": not JSON: " + e.getMessage(), e);
      }
      if (!node.path("id").isTextual() || !node.path("bundle").isObject()) {
        throw new IllegalStateException(where + ": a case needs a string \"id\" and an object \"bundle\"");
      }
      JsonNode widget = node.path("widget");
      cases.add(new CorpusCase(
          node.get("id").textValue(),
          node.path("category").asText(defaultCategory),
          node.path("source").asText(""),
          (ObjectNode) node.get("bundle"),
          widget.isObject() ? Optional.of((ObjectNode) widget) : Optional.empty(),
          name));
    }
    return cases;
  }
}
