package dev.nbguard.cli;

import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.notebook.NotebookFinding;
import dev.nbguard.sanitizer.notebook.NotebookJson;
import dev.nbguard.sanitizer.notebook.NotebookSanitizer;
import dev.nbguard.sanitizer.notebook.SanitizedNotebook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbguard clean}: sanitizes the outputs stored in notebooks. */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Sanitizes the outputs stored in Jupyter notebooks (nbformat 4): every code cell's outputs,"
          + " cell attachments and the notebook's widget state. Sources and everything else stay"
          + " as they are; a changed notebook is written the way Jupyter writes it.",
      "%nWithout -o, --in-place or --check the cleaned notebook goes to stdout ('-' reads stdin)."
          + " Findings go to stderr as 'FILE: cell C, output O, MIME: RULE (EXCERPT)'"
          + " (cells and outputs count from 0).",
      "%nFiles are replaced atomically (temporary file, fsync, rename) and keep their permissions;"
          + " a notebook with nothing to clean is not rewritten. A file that cannot be read as a"
          + " notebook is left untouched."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.LIST_OK, ExitCodes.LIST_FINDINGS, ExitCodes.LIST_USAGE, ExitCodes.LIST_INTERNAL
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  nbguard clean --check *.ipynb      (CI, pre-commit)",
      "  nbguard clean --in-place analysis.ipynb",
      "  nbguard clean --policy strict in.ipynb -o out.ipynb"
    })
final class CleanCommand implements Callable<Integer> {
  private final Io io;

  @Mixin PolicyOption policyOption;

  @Parameters(arity = "1..*", paramLabel = "NOTEBOOK", description = "Notebook files ('-' for stdin).")
  List<String> notebooks;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the cleaned notebook to OUT.")
  Path output;

  @Option(names = {"-i", "--in-place"}, description = "Clean the notebooks where they are.")
  boolean inPlace;

  @Option(names = "--check",
      description = "Change nothing; list what would be removed or neutralised and exit 1 if anything"
          + " would (for CI and pre-commit hooks). Silent normalisations (ids prefixed, style"
          + " sheets scoped to their output) do not count.")
  boolean check;

  CleanCommand(Io io) {
    this.io = io;
  }

  /** Whether one notebook was clean, changed, or could not be read. */
  private enum Outcome { CLEAN, CHANGED, ERROR }

  @Override
  public Integer call() throws IOException {
    Optional<String> usage = checkUsage();
    if (usage.isPresent()) {
      io.error(usage.get() + " (see nbguard clean --help)");
      return ExitCodes.USAGE;
    }
    NotebookSanitizer sanitizer;
    try {
      OutputPolicy policy = policyOption.load();
      sanitizer = new NotebookSanitizer(policy);
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    }
    int changed = 0;
    int errors = 0;
    for (String name : notebooks) {
      Outcome o = cleanOne(name, sanitizer);
      changed += o == Outcome.CHANGED ? 1 : 0;
      errors += o == Outcome.ERROR ? 1 : 0;
    }
    if (check) {
      String unread = errors == 0 ? "" : ", " + errors + " could not be read";
      io.out().println(changed == 0 && errors == 0
          ? "nbguard: " + plural(notebooks.size(), "notebook") + " checked, nothing to clean"
          : "nbguard: " + changed + " of " + plural(notebooks.size(), "notebook")
              + " would be cleaned" + unread);
      io.out().flush();
    }
    if (errors > 0) {
      return ExitCodes.USAGE;
    }
    return check && changed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private Optional<String> checkUsage() {
    int modes = (output != null ? 1 : 0) + (inPlace ? 1 : 0) + (check ? 1 : 0);
    if (modes > 1) {
      return Optional.of("use only one of -o, --in-place and --check");
    }
    if (!inPlace && !check && notebooks.size() > 1) {
      return Optional.of("several notebooks need --in-place or --check");
    }
    if (inPlace && notebooks.contains("-")) {
      return Optional.of("--in-place cannot write back to stdin ('-')");
    }
    return Optional.empty();
  }

  private Outcome cleanOne(String name, NotebookSanitizer sanitizer) {
    NotebookInput input;
    SanitizedNotebook result;
    try {
      input = NotebookInput.read(name, io.in());
      result = sanitizer.sanitize(input.tree());
    } catch (IllegalArgumentException e) {
      io.error(name + ": " + e.getMessage());
      return Outcome.ERROR;
    }
    for (NotebookFinding f : result.findings()) {
      (check ? io.out() : io.err()).println(name + ": " + f.describe());
    }
    if (check) {
      return result.hasFindings() ? Outcome.CHANGED : Outcome.CLEAN;
    }
    try {
      write(name, input, result);
    } catch (IOException e) {
      Path target = inPlace ? Path.of(name) : output;
      io.error("cannot write " + (target == null ? "stdout" : target.toString()) + ": " + describe(e));
      return Outcome.ERROR;
    }
    return result.changed() ? Outcome.CHANGED : Outcome.CLEAN;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage();
  }

  private void write(String name, NotebookInput input, SanitizedNotebook result) throws IOException {
    if (inPlace) {
      if (result.changed()) {
        AtomicFiles.write(Path.of(name), out -> writeNotebook(result, out));
        io.err().println("nbguard: " + name + ": cleaned (" + plural(result.findings().size(), "finding") + ")");
      }
    } else if (output != null) {
      AtomicFiles.write(output, out -> {
        if (result.changed()) {
          writeNotebook(result, out);
        } else {
          out.write(input.bytes());
        }
      });
    } else {
      if (result.changed()) {
        writeNotebook(result, io.out());
      } else {
        io.out().write(input.bytes());
      }
      io.out().flush();
    }
  }

  private static void writeNotebook(SanitizedNotebook result, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    NotebookJson.writeNotebook(result.notebook(), w);
    w.flush();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
