package dev.nbguard.kernel;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides which kernels are idle for too long (Jupyter Server's rule) and asks for their
 * shutdown. {@link #cullOnce()} is what the scheduled task runs; tests call it with a fake clock.
 */
public final class Culler {

  private static final System.Logger LOG = System.getLogger(Culler.class.getName());

  private final CullingOptions options;
  private final Clock clock;
  private final Supplier<List<KernelModel>> kernels;
  private final Consumer<String> cull;

  /**
   * @param kernels the current kernels
   * @param cull shuts one kernel down (must not block)
   */
  public Culler(CullingOptions options, Clock clock, Supplier<List<KernelModel>> kernels,
      Consumer<String> cull) {
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.kernels = Objects.requireNonNull(kernels, "kernels");
    this.cull = Objects.requireNonNull(cull, "cull");
  }

  /** Checks every kernel once; returns the ids it culled. */
  public List<String> cullOnce() {
    List<String> culled = new ArrayList<>();
    if (!options.enabled()) {
      return culled;
    }
    Instant now = clock.instant();
    for (KernelModel k : kernels.get()) {
      if (shouldCull(k, now)) {
        LOG.log(Level.INFO, "culling kernel " + k.id() + " (" + k.name() + "), idle since "
            + k.lastActivityText());
        culled.add(k.id());
        cull.accept(k.id());
      }
    }
    return culled;
  }

  boolean shouldCull(KernelModel k, Instant now) {
    if (k.executionState() == ExecutionState.STARTING
        || k.executionState() == ExecutionState.RESTARTING) {
      return false;
    }
    boolean idle = k.executionState() != ExecutionState.BUSY || options.cullBusy();
    boolean connectedOk = k.connections() == 0 || options.cullConnected();
    Duration idleFor = Duration.between(k.lastActivity(), now);
    return idle && connectedOk && idleFor.compareTo(options.idleTimeout()) > 0;
  }
}
