package dev.nbguard.e2e.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notebook file whose stored outputs carry attacks (resources notebook-ui/stored-attacks.json),
 * signed with the Jupyter server's notary key so that the UI trusts it, as it trusts a notebook
 * the user saved.
 */
final class StoredNotebook {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MARK = Pattern.compile("MARK\\(([a-z-]+)\\)");

  /** One stored attack: its id, the UIs it executes in without nbguard. */
  record StoredAttack(String id, Set<String> executesDirectIn) {
  }

  private StoredNotebook() {
  }

  /** Writes the notebook to {@code file} and returns its attacks, in cell order. */
  static List<StoredAttack> write(Path file) {
    try (InputStream in =
        StoredNotebook.class.getResourceAsStream("/notebook-ui/stored-attacks.json")) {
      JsonNode spec = JSON.readTree(in);
      ObjectNode nb = JSON.createObjectNode();
      ArrayNode cells = nb.putArray("cells");
      List<StoredAttack> attacks = new ArrayList<>();
      int n = 0;
      for (JsonNode o : spec.path("outputs")) {
        String id = o.path("id").asText();
        Set<String> direct = new java.util.HashSet<>();
        o.path("direct").forEach(d -> direct.add(d.asText()));
        attacks.add(new StoredAttack(id, Set.copyOf(direct)));
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", "code").put("execution_count", ++n).put("id", "c" + n);
        cell.putObject("metadata");
        cell.put("source", "# stored output: " + id);
        ObjectNode output = cell.putArray("outputs").addObject();
        output.put("output_type", "display_data");
        output.putObject("metadata");
        ObjectNode data = output.putObject("data");
        for (Map.Entry<String, JsonNode> e : o.path("data").properties()) {
          data.put(e.getKey(), mark(e.getValue().asText()));
        }
      }
      ObjectNode last = cells.addObject();
      last.put("cell_type", "code").putNull("execution_count");
      last.put("id", "c-last").put("source", "");
      last.putObject("metadata");
      last.putArray("outputs");
      ObjectNode meta = nb.putObject("metadata");
      meta.putObject("kernelspec").put("display_name", "Python 3").put("language", "python")
          .put("name", "python3");
      nb.put("nbformat", 4).put("nbformat_minor", 5);
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(nb));
      return List.copyOf(attacks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Signs {@code file} with nbformat's notary (what `jupyter trust` does; Debian ships no
   * jupyter-trust) under {@code env}: the server's HOME, so its key and signature store.
   */
  static void trust(Path file, Map<String, String> env, Path log) {
    String sign = "import sys, nbformat\n"
        + "from nbformat.sign import NotebookNotary\n"
        + "nb = nbformat.read(sys.argv[1], 4)\n"
        + "NotebookNotary().sign(nb)\n";
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", sign, file.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("signing the notebook failed; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String mark(String text) {
    Matcher m = MARK.matcher(text);
    return m.replaceAll(r -> Matcher.quoteReplacement(
        "(window.__nbg_pwned=window.__nbg_pwned||[]).push('" + r.group(1) + "')"));
  }
}
