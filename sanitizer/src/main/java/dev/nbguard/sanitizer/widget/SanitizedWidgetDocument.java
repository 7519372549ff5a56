package dev.nbguard.sanitizer.widget;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Finding;
import java.util.List;

/**
 * A notebook's {@code metadata.widgets["application/vnd.jupyter.widget-state+json"]} after the
 * policy: same shape, disallowed or malformed models removed, the rest sanitized.
 */
public record SanitizedWidgetDocument(ObjectNode document, List<Finding> findings) {
  public SanitizedWidgetDocument {
    findings = List.copyOf(findings);
  }

  public boolean changed() {
    return !findings.isEmpty();
  }
}
