package dev.nbguard.sanitizer.notebook;

import dev.nbguard.sanitizer.Finding;
import java.util.Objects;

/**
 * A finding and where in the notebook it was made. Indexes count from 0, as in the notebook's
 * JSON.
 *
 * @param cell the cell's index, or -1 for notebook-level metadata
 * @param output the output's index in {@code outputs} (its index before anything was removed), or
 *     -1 for attachments and metadata
 * @param where {@code outputs}, {@code attachments/NAME}, {@code source} (a Markdown cell's),
 *     {@code metadata.widgets} or {@code metadata.language_info}
 * @param finding what was done
 */
public record NotebookFinding(int cell, int output, String where, Finding finding) {
  public NotebookFinding {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(finding, "finding");
  }

  /** {@code cell 3, output 0, text/html: html.attribute.event-handler (<img src=x onerror=…>)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (cell >= 0) {
      sb.append("cell ").append(cell).append(", ");
    }
    if (output >= 0) {
      sb.append("output ").append(output).append(", ");
    } else {
      sb.append(where).append(", ");
    }
    sb.append(finding.mimeType()).append(": ").append(finding.rule());
    if (!finding.excerpt().isEmpty()) {
      sb.append(" (").append(finding.excerpt()).append(')');
    }
    return sb.toString();
  }
}
