package dev.nbguard.kernel;

import dev.nbguard.protocol.JupyterMessage;
import java.util.Optional;

/**
 * Told about kernel lifecycle changes. Called on any of the manager's threads (hub, timer,
 * process reaper): return quickly, never block (a Vert.x user hops with {@code runOnContext}).
 */
@FunctionalInterface
public interface KernelLifecycleListener {

  /**
   * @param syntheticStatus for {@link LifecycleEvent#RESTARTING} and {@link LifecycleEvent#DIED}:
   *     an IOPub {@code status} message ({@code restarting} / {@code dead}) built with
   *     {@link dev.nbguard.protocol.Messages}, to forward to the kernel's clients as if the
   *     kernel had sent it
   */
  void onLifecycle(String kernelId, LifecycleEvent event, Optional<JupyterMessage> syntheticStatus);

  /** A listener that ignores everything. */
  static KernelLifecycleListener none() {
    return (id, event, status) -> { };
  }
}
