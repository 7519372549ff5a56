package dev.nbguard.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Finding;
import java.util.List;
import java.util.Optional;

/**
 * What a rewriter decided for one message's content: unchanged, a new content (and maybe fewer
 * buffers), or drop the message.
 *
 * @param content the new content, empty when the content stays as it is
 * @param keptBuffers indexes of the buffers to keep, in order; empty when all stay
 */
record Outcome(Optional<ObjectNode> content, Optional<List<Integer>> keptBuffers,
    List<Finding> findings, boolean drop) {
  Outcome {
    findings = List.copyOf(findings);
  }

  static final Outcome UNCHANGED = new Outcome(Optional.empty(), Optional.empty(), List.of(), false);

  static Outcome rewritten(ObjectNode content, List<Finding> findings) {
    return new Outcome(Optional.of(content), Optional.empty(), findings, false);
  }

  static Outcome rewritten(ObjectNode content, List<Integer> keptBuffers, List<Finding> findings) {
    return new Outcome(Optional.of(content), Optional.of(keptBuffers), findings, false);
  }

  static Outcome drop(List<Finding> findings) {
    return new Outcome(Optional.empty(), Optional.empty(), findings, true);
  }
}
