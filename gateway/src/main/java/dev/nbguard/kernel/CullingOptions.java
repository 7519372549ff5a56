package dev.nbguard.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * Idle culling, as Jupyter Server's {@code cull_*} settings.
 *
 * @param idleTimeout a kernel idle for longer is shut down; zero turns culling off
 * @param interval how often to check
 * @param cullConnected also cull kernels with open client sessions
 * @param cullBusy also cull kernels whose execution state is busy
 */
public record CullingOptions(Duration idleTimeout, Duration interval, boolean cullConnected,
    boolean cullBusy) {

  /** Culling off (Jupyter's default). */
  public static final CullingOptions OFF =
      new CullingOptions(Duration.ZERO, Duration.ofSeconds(300), false, false);

  public CullingOptions {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(interval, "interval");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("cull idle timeout must not be negative");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("cull interval must be positive");
    }
  }

  public boolean enabled() {
    return !idleTimeout.isZero();
  }
}
