package dev.nbguard.filter;

import dev.nbguard.sanitizer.Finding;
import java.time.Instant;
import java.util.Objects;

/**
 * One finding in the context of the message it was made in.
 *
 * @param time when the filter made it
 * @param kernelId the kernel the message came from
 * @param msgId the message's {@code msg_id} (empty when its header was unreadable)
 * @param msgType the message's {@code msg_type} (empty when its header was unreadable)
 * @param finding what was changed, by which rule
 */
public record AuditEntry(Instant time, String kernelId, String msgId, String msgType,
    Finding finding) {
  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(kernelId, "kernelId");
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(finding, "finding");
  }
}
