package dev.nbguard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark input as gen_inputs.py wrote it.
 *
 * @param kind how jsoup parses it for the floor: {@code fragment} (body fragment), {@code
 *     document} (a whole page) or {@code xml} (SVG)
 */
record Input(String name, String file, String mime, String kind, String text, int bytes) {
  /** Reads {@code inputs.tsv} and every file it lists. */
  static List<Input> readAll(Path dir) throws IOException {
    List<Input> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("inputs.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 4) {
        throw new IOException("inputs.tsv: bad line: " + line);
      }
      byte[] bytes = Files.readAllBytes(dir.resolve(f[1]));
      out.add(new Input(f[0], f[1], f[2], f[3], new String(bytes, StandardCharsets.UTF_8), bytes.length));
    }
    return out;
  }
}
