package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.MultilineText;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.SanitizedOutput;
import dev.nbguard.sanitizer.markdown.FenceInfo;
import dev.nbguard.sanitizer.widget.SanitizedWidgetDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies an {@link OutputPolicy} to a stored notebook (nbformat 4): every code cell's outputs,
 * every cell's attachments and the notebook's widget state. Two things classic Notebook 6 loads
 * as RequireJS modules are made safe too: {@code metadata.language_info} ({@link LanguageInfo})
 * and the fence info strings of Markdown cells ({@link FenceInfo}; classic highlights them before
 * its own sanitizer runs). Other sources, metadata and everything else are left as they are.
 * Immutable and thread-safe.
 */
public final class NotebookSanitizer {
  static final String WIDGET_STATE = "application/vnd.jupyter.widget-state+json";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final OutputPolicy policy;
  private final AttachmentSanitizer attachments;

  public NotebookSanitizer(OutputPolicy policy) {
    this.policy = policy;
    this.attachments = new AttachmentSanitizer(policy);
  }

  /**
   * Sanitizes a notebook.
   *
   * @throws IllegalArgumentException {@code "not a Jupyter notebook (nbformat 4): …"} when it is
   *     not one
   */
  public SanitizedNotebook sanitize(JsonNode notebook) {
    checkShape(notebook);
    ObjectNode out = ((ObjectNode) notebook).deepCopy();
    List<NotebookFinding> findings = new ArrayList<>();
    ArrayNode cells = (ArrayNode) out.get("cells");
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i) instanceof ObjectNode cell) {
        String type = cell.path("cell_type").asText("");
        if ("code".equals(type)) {
          outputs(i, cell, findings);
        } else if ("markdown".equals(type)) {
          markdownSource(i, cell, findings);
        }
        if (cell.has("attachments")) {
          attachments.sanitize(i, cell, findings);
        }
      }
    }
    widgetState(out, findings);
    languageInfo(out, findings);
    return new SanitizedNotebook(out, findings, !out.equals(notebook));
  }

  private static void checkShape(JsonNode nb) {
    if (nb == null || !nb.isObject()) {
      throw notNotebook("the top level is not a JSON object");
    }
    JsonNode version = nb.path("nbformat");
    if (version.isMissingNode()) {
      throw notNotebook("it has no 'nbformat' field");
    }
    if (!version.isIntegralNumber() || version.intValue() != 4) {
      throw notNotebook("'nbformat' is " + version
          + "; convert older notebooks with `jupyter nbconvert --to notebook --nbformat 4`");
    }
    if (!nb.path("cells").isArray()) {
      throw notNotebook("'cells' is missing or not a list");
    }
  }

  private static IllegalArgumentException notNotebook(String why) {
    return new IllegalArgumentException("not a Jupyter notebook (nbformat 4): " + why);
  }

  private void outputs(int cellIndex, ObjectNode cell, List<NotebookFinding> findings) {
    JsonNode outputs = cell.get("outputs");
    if (outputs == null) {
      return;
    }
    if (!outputs.isArray()) {
      cell.set("outputs", JSON.arrayNode());
      findings.add(new NotebookFinding(cellIndex, -1, "outputs",
          new Finding("(output)", Action.DROP, "output.not-a-list", outputs.toString())));
      return;
    }
    ArrayNode kept = JSON.arrayNode();
    for (int j = 0; j < outputs.size(); j++) {
      JsonNode original = outputs.get(j);
      SanitizedOutput r = policy.sanitizeOutput(original);
      for (Finding f : r.findings()) {
        findings.add(new NotebookFinding(cellIndex, j, "outputs", f));
      }
      r.output().ifPresent(kept::add);
    }
    cell.set("outputs", kept);
  }

  /**
   * A Markdown cell's fence info strings (a string or nbformat's list of lines, kept in its form).
   */
  private static void markdownSource(int cellIndex, ObjectNode cell, List<NotebookFinding> findings) {
    JsonNode source = cell.get("source");
    boolean lines = source != null && source.isArray();
    if (source == null || !(source.isTextual() || lines)) {
      return;
    }
    Optional<String> joined = lines ? MultilineText.joined(source)
        : Optional.of(source.textValue());
    if (joined.isEmpty()) {
      return; // a list with a non-string line: not nbformat, left alone like other sources
    }
    String text = joined.get();
    Report report = new Report("text/markdown");
    String cleaned = FenceInfo.cleanModuleIds(text, report);
    if (cleaned.equals(text)) {
      return;
    }
    cell.set("source", lines ? MultilineText.split(cleaned) : JSON.textNode(cleaned));
    for (Finding f : report.findings()) {
      findings.add(new NotebookFinding(cellIndex, -1, "source", f));
    }
  }

  /** {@code metadata.language_info}: see {@link LanguageInfo}. */
  private static void languageInfo(ObjectNode nb, List<NotebookFinding> findings) {
    if (nb.path("metadata").path("language_info") instanceof ObjectNode info) {
      for (Finding f : LanguageInfo.clean(info)) {
        findings.add(new NotebookFinding(-1, -1, "metadata.language_info", f));
      }
    }
  }

  /**
   * Notebook-level widget state ({@code metadata.widgets[application/vnd.jupyter.widget-state+json]})
   * through the widget policy: disallowed modules and malformed models removed, HTML fields
   * sanitized. Left untouched when the policy changes nothing; removed whole if it fails.
   */
  private void widgetState(ObjectNode nb, List<NotebookFinding> findings) {
    if (!(nb.path("metadata").path("widgets") instanceof ObjectNode widgets)
        || !widgets.has(WIDGET_STATE)) {
      return;
    }
    JsonNode original = widgets.get(WIDGET_STATE);
    try {
      SanitizedWidgetDocument r = policy.widgets().sanitizeNotebookState(original);
      for (Finding f : r.findings()) {
        findings.add(new NotebookFinding(-1, -1, "metadata.widgets", f));
      }
      if (r.changed() || !r.document().equals(original)) {
        widgets.set(WIDGET_STATE, r.document());
      }
    } catch (RuntimeException | StackOverflowError e) {
      widgets.remove(WIDGET_STATE);
      if (widgets.isEmpty()) {
        ((ObjectNode) nb.get("metadata")).remove("widgets");
      }
      findings.add(new NotebookFinding(-1, -1, "metadata.widgets", new Finding(WIDGET_STATE,
          Action.DROP, "error." + e.getClass().getSimpleName(), String.valueOf(e.getMessage()))));
    }
  }
}
