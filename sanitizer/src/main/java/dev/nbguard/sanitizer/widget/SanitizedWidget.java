package dev.nbguard.sanitizer.widget;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Finding;
import java.util.List;
import java.util.Optional;

/**
 * One widget model's state after the policy: the state to forward (a new object), or empty when
 * the whole model must be dropped (its module is not allowed), with every finding.
 */
public record SanitizedWidget(Optional<ObjectNode> state, List<Finding> findings) {
  public SanitizedWidget {
    findings = List.copyOf(findings);
  }

  /** True when the policy changed or dropped anything. */
  public boolean changed() {
    return !findings.isEmpty();
  }
}
