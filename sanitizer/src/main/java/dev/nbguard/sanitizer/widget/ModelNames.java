package dev.nbguard.sanitizer.widget;

import java.util.Optional;

/**
 * Which model a widget model id is ({@code IPY_MODEL_<id>} references in a state), as far as the
 * caller knows: the other models of a notebook's widget state, or the comms a kernel opened.
 */
@FunctionalInterface
public interface ModelNames {
  /** Knows no model: every reference is unknown. */
  ModelNames NONE = id -> Optional.empty();

  /** The {@code _model_name} of model {@code modelId}, when known. */
  Optional<String> nameOf(String modelId);
}
