package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A notebook after the policy (a new tree; the input is never modified), every finding, and
 * whether the tree differs from the input. A tree can differ without a finding: the policy's
 * silent normalisations (ids prefixed, style sheets scoped to the output) remove nothing.
 */
public record SanitizedNotebook(ObjectNode notebook, List<NotebookFinding> findings, boolean rewritten) {
  public SanitizedNotebook {
    findings = List.copyOf(findings);
  }

  /** True when the policy removed or neutralised something (what {@code --check} fails on). */
  public boolean hasFindings() {
    return !findings.isEmpty();
  }

  /** True when the notebook must be written again: something removed, or only normalised. */
  public boolean changed() {
    return rewritten || !findings.isEmpty();
  }
}
