package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One corpus line: an output bundle ({@code data}, {@code metadata}) and, for widget cases, the
 * widget model it displays ({@code model_id}, {@code model_module}, {@code model_name},
 * {@code state}).
 */
public record CorpusCase(
    String id, String category, String source, ObjectNode bundle, Optional<ObjectNode> widget,
    String file) {}
