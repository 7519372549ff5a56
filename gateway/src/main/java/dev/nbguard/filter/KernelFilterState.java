package dev.nbguard.filter;

import dev.nbguard.sanitizer.widget.ModelNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the filter remembers about one kernel: which comm is which widget model, so that a later
 * {@code comm_msg} state update is sanitized with the model's module and name. The caller keeps
 * one per kernel (and a fresh one after a restart: comms do not survive it). Bounded (least
 * recently used comms are forgotten first) and thread-safe.
 */
public final class KernelFilterState {
  /** Default number of comms remembered per kernel. */
  public static final int DEFAULT_MAX_COMMS = 10_000;

  /** One comm the kernel opened (or one learned from a full widget state). */
  record Comm(String target, String module, String name, boolean blocked) {
    static Comm other(String target) {
      return new Comm(target, "", "", false);
    }

    boolean isWidget() {
      return MessageFilter.WIDGET_TARGET.equals(target);
    }
  }

  private final String kernelId;
  private final Map<String, Comm> comms;

  public KernelFilterState(String kernelId) {
    this(kernelId, DEFAULT_MAX_COMMS);
  }

  public KernelFilterState(String kernelId, int maxComms) {
    this.kernelId = Objects.requireNonNull(kernelId, "kernelId");
    if (maxComms < 1) {
      throw new IllegalArgumentException("maxComms must be >= 1");
    }
    this.comms = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Comm> eldest) {
        return size() > maxComms;
      }
    };
  }

  public String kernelId() {
    return kernelId;
  }

  synchronized Optional<Comm> comm(String commId) {
    return Optional.ofNullable(comms.get(commId));
  }

  synchronized void remember(String commId, Comm comm) {
    comms.put(commId, comm);
  }

  synchronized void forget(String commId) {
    comms.remove(commId);
  }

  /** The widget models this kernel opened (and that were not blocked), by model id = comm id. */
  ModelNames modelNames() {
    return id -> comm(id).filter(c -> c.isWidget() && !c.blocked() && !c.name().isEmpty()).map(Comm::name);
  }

  /** How many comms are remembered now. */
  public synchronized int commCount() {
    return comms.size();
  }

  /** Forgets every comm (e.g. when the kernel restarted). */
  public synchronized void clear() {
    comms.clear();
  }
}
