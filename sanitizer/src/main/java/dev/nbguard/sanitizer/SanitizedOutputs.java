package dev.nbguard.sanitizer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** A list of nbformat outputs after the policy (an Output widget's {@code outputs}). */
public record SanitizedOutputs(ArrayNode outputs, List<Finding> findings) {
  public SanitizedOutputs {
    findings = List.copyOf(findings);
  }

  /** How nested outputs are sanitized; {@link OutputPolicy} supplies it to widget handlers. */
  @FunctionalInterface
  public interface Sanitizer {
    SanitizedOutputs sanitize(com.fasterxml.jackson.databind.JsonNode outputs, int depth);
  }
}
