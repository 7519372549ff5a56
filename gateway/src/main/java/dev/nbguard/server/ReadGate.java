package dev.nbguard.server;

import dev.nbguard.kernel.KernelManager;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a kernel's sockets are read: paused while anything holds the kernel (a client whose
 * write queue is full, a filter lane with too much waiting), resumed when the last hold is
 * released. Used only on the gateway's event loop.
 */
final class ReadGate {

  private static final System.Logger LOG = System.getLogger(ReadGate.class.getName());

  private final KernelManager manager;
  private final Map<String, Set<Object>> holders = new HashMap<>();

  ReadGate(KernelManager manager) {
    this.manager = Objects.requireNonNull(manager, "manager");
  }

  void hold(String kernelId, Object holder) {
    Set<Object> set = holders.computeIfAbsent(kernelId, k -> new HashSet<>());
    if (set.add(holder) && set.size() == 1) {
      setReading(kernelId, false);
    }
  }

  void release(String kernelId, Object holder) {
    Set<Object> set = holders.get(kernelId);
    if (set != null && set.remove(holder) && set.isEmpty()) {
      holders.remove(kernelId);
      setReading(kernelId, true);
    }
  }

  /** Holds or releases, whichever {@code held} says. */
  void set(String kernelId, Object holder, boolean held) {
    if (held) {
      hold(kernelId, holder);
    } else {
      release(kernelId, holder);
    }
  }

  boolean isHeld(String kernelId) {
    return holders.containsKey(kernelId);
  }

  /** The kernel is gone: forget its holds without touching it. */
  void forget(String kernelId) {
    holders.remove(kernelId);
  }

  void clear() {
    holders.clear();
  }

  private void setReading(String kernelId, boolean reading) {
    manager.setReading(kernelId, reading).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.DEBUG, "setReading(" + kernelId + ", " + reading + "): " + e);
      }
    });
  }
}
