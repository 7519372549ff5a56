package dev.nbguard.sanitizer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The result of {@link OutputPolicy#sanitize}: the rewritten bundle (a new object; the input is
 * never modified) and every finding, in order.
 */
public record SanitizedBundle(ObjectNode bundle, List<Finding> findings) {
  public SanitizedBundle {
    findings = List.copyOf(findings);
  }

  /** True when the policy changed anything. */
  public boolean changed() {
    return !findings.isEmpty();
  }
}
