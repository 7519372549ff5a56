package dev.nbguard.sanitizer.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One line of {@code corpus/attacks/*.jsonl}. */
record AttackCase(String id, String category, String source, JsonNode bundle, Optional<JsonNode> widget) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Maven runs tests with the module directory as cwd; the corpus lives at the repo root. */
  static Path corpusDir() {
    return Path.of("..", "corpus", "attacks");
  }

  static List<AttackCase> loadAll() {
    Path dir = corpusDir();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("attack corpus not found at " + dir.toAbsolutePath());
    }
    List<AttackCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
          if (!lines.get(n).isBlank()) {
            cases.add(parse(f, n + 1, lines.get(n)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cases.isEmpty()) {
      throw new IllegalStateException("attack corpus at " + dir.toAbsolutePath() + " is empty");
    }
    return cases;
  }

  private static AttackCase parse(Path file, int line, String text) throws IOException {
    JsonNode n = JSON.readTree(text);
    if (!n.path("id").isTextual() || !n.path("bundle").isObject()) {
      throw new IllegalStateException(file + ":" + line + ": a case needs 'id' and an object 'bundle'");
    }
    JsonNode w = n.path("widget");
    return new AttackCase(n.get("id").textValue(), n.path("category").asText(""),
        n.path("source").asText(""), n.get("bundle"), w.isObject() ? Optional.of(w) : Optional.empty());
  }

  @Override
  public String toString() {
    return id;
  }
}
