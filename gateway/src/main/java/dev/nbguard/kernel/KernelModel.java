package dev.nbguard.kernel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A snapshot of one kernel, as {@code GET /api/kernels} describes it.
 *
 * @param connections open client sessions (the manager's own session is not counted)
 */
public record KernelModel(
    String id,
    String name,
    Instant lastActivity,
    ExecutionState executionState,
    int connections) {

  private static final DateTimeFormatter LAST_ACTIVITY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  public KernelModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lastActivity, "lastActivity");
    Objects.requireNonNull(executionState, "executionState");
  }

  /** {@code last_activity} exactly as GatewayClient parses it: {@code %Y-%m-%dT%H:%M:%S.%fZ}. */
  public String lastActivityText() {
    return LAST_ACTIVITY.format(lastActivity);
  }
}
