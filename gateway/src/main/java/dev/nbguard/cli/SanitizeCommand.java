package dev.nbguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.SanitizedBundle;
import dev.nbguard.sanitizer.notebook.NotebookJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbguard sanitize}: one MIME bundle (or one per line) from stdin to stdout. */
@Command(
    name = "sanitize",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Reads a display_data-style object {\"data\": {MIME: value}, \"metadata\": {…}} on stdin and"
          + " writes the sanitized object on stdout as one line of JSON. Other fields"
          + " (output_type, …) are kept.",
      "%nFindings go to stderr, one JSON object per line:"
          + " {\"line\":N,\"mime\":…,\"action\":…,\"rule\":…,\"excerpt\":…}.",
      "%nWith --jsonl, every input line is one object and gets exactly one output line, in order."
          + " A line that is not valid JSON or not an object gets the output line 'null' (so"
          + " output line N still belongs to input line N), an error on stderr"
          + " ('nbguard: line N: …'), and the exit code is 2 once all lines are done."
          + " A blank input line gets a blank output line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", ExitCodes.LIST_USAGE, ExitCodes.LIST_INTERNAL},
    footerHeading = "%nExamples:%n",
    footer = {
      "  echo '{\"data\":{\"text/html\":\"<b onclick=x()>hi</b>\"}}' | nbguard sanitize",
      "  nbguard sanitize --jsonl --policy strict < bundles.jsonl > clean.jsonl"
    })
final class SanitizeCommand implements Callable<Integer> {
  private static final Pattern LINE_PREFIX = Pattern.compile("^line \\d+: ");
  private final Io io;

  @Mixin PolicyOption policyOption;

  @Option(names = "--jsonl", description = "One object per input line, one per output line (streaming).")
  boolean jsonl;

  SanitizeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    OutputPolicy policy;
    try {
      policy = policyOption.load();
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    }
    return jsonl ? lines(policy) : single(policy);
  }

  private int single(OutputPolicy policy) throws IOException {
    String text = new String(io.in().readAllBytes(), StandardCharsets.UTF_8);
    try {
      JsonNode bundle = NotebookJson.read(text);
      io.out().println(sanitize(policy, bundle, 1));
      io.out().flush();
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      io.error(LINE_PREFIX.matcher(m).find() ? m : "line 1: " + m);
      return ExitCodes.USAGE;
    }
  }

  private int lines(OutputPolicy policy) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
    boolean bad = false;
    String line;
    long n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      String result;
      if (line.isBlank()) {
        result = "";
      } else {
        try {
          result = sanitize(policy, NotebookJson.read(line), n);
        } catch (IllegalArgumentException e) {
          io.error("line " + n + ": " + LINE_PREFIX.matcher(e.getMessage()).replaceFirst(""));
          result = "null";
          bad = true;
        }
      }
      io.out().println(result);
      io.out().flush();
    }
    return bad ? ExitCodes.USAGE : ExitCodes.OK;
  }

  private String sanitize(OutputPolicy policy, JsonNode bundle, long line) {
    if (!bundle.isObject()) {
      throw new IllegalArgumentException("expected a JSON object {\"data\": …}, got "
          + bundle.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    SanitizedBundle result = policy.sanitize(bundle);
    for (Finding f : result.findings()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("line", line);
      o.put("mime", f.mimeType());
      o.put("action", f.action().name().toLowerCase(Locale.ROOT));
      o.put("rule", f.rule());
      o.put("excerpt", f.excerpt());
      io.err().println(NotebookJson.writeCompact(o));
    }
    return NotebookJson.writeCompact(result.bundle());
  }
}
