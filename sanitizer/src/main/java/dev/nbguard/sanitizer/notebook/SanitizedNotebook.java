package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A notebook after the policy (a new tree; the input is never modified) and every finding. */
public record SanitizedNotebook(ObjectNode notebook, List<NotebookFinding> findings) {
  public SanitizedNotebook {
    findings = List.copyOf(findings);
  }

  /** True when anything was removed or rewritten. */
  public boolean changed() {
    return !findings.isEmpty();
  }
}
