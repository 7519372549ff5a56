package dev.nbguard.filter;

import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.Finding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link MessageFilter#toClient} decided for one kernel message.
 *
 * @param message the message to forward: the very input instance when nothing changed (forward
 *     its original bytes), or a copy whose content part alone was re-encoded (unsigned: the
 *     encoder signs it again). When {@code dropped} is true this is the input, and it must NOT be
 *     forwarded; {@link #forward()} says so without a flag to forget.
 * @param findings every change, in order (also sent to the audit log)
 * @param dropped true when the message must not reach the client at all
 */
public record FilterResult(JupyterMessage message, List<Finding> findings, boolean dropped) {
  public FilterResult {
    Objects.requireNonNull(message, "message");
    findings = List.copyOf(findings);
  }

  static FilterResult unchanged(JupyterMessage message) {
    return new FilterResult(message, List.of(), false);
  }

  /** The message to send on, or empty when it was dropped. */
  public Optional<JupyterMessage> forward() {
    return dropped ? Optional.empty() : Optional.of(message);
  }

  /** True when the forwarded message differs from the input (or nothing is forwarded). */
  public boolean changed() {
    return dropped || !findings.isEmpty();
  }
}
