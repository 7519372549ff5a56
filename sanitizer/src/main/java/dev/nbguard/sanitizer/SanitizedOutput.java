package dev.nbguard.sanitizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** One nbformat output after the policy: kept (maybe rewritten) or dropped, with findings. */
public record SanitizedOutput(Optional<JsonNode> output, List<Finding> findings) {
  public SanitizedOutput {
    findings = List.copyOf(findings);
  }

  static SanitizedOutput dropped(Finding why) {
    return new SanitizedOutput(Optional.empty(), List.of(why));
  }
}
