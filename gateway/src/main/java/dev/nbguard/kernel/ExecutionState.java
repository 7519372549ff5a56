package dev.nbguard.kernel;

import java.util.Locale;
import java.util.Optional;

/** A kernel's {@code execution_state} as the REST API reports it. */
public enum ExecutionState {
  STARTING,
  IDLE,
  BUSY,
  RESTARTING,
  DEAD;

  /** The wire spelling, e.g. {@code "idle"}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state named by an IOPub {@code status} message, if it is one of these. */
  public static Optional<ExecutionState> fromStatus(String executionState) {
    return switch (executionState) {
      case "starting" -> Optional.of(STARTING);
      case "idle" -> Optional.of(IDLE);
      case "busy" -> Optional.of(BUSY);
      case "restarting" -> Optional.of(RESTARTING);
      case "dead" -> Optional.of(DEAD);
      default -> Optional.empty();
    };
  }
}
