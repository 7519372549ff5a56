package dev.nbguard.sanitizer;

import java.util.Optional;

/**
 * The handler for one family of MIME types (HTML, SVG, Markdown, …). Implementations are
 * immutable and thread-safe; they are built once per {@link OutputPolicy}.
 */
public interface RepresentationSanitizer {
  /**
   * Rewrites one representation under {@code action} ({@link Action#SANITIZE} or {@link
   * Action#SANDBOX}; ALLOW and DROP never reach a handler except for shape validation of ALLOW).
   * Every change is reported to {@code report}.
   *
   * @return the rewritten representation, or empty when it must be dropped
   * @throws RuntimeException on input it cannot handle; the caller then drops the representation
   *     (fail closed) and reports it
   */
  Optional<Representation> sanitize(Representation representation, Action action, Report report);
}
