package dev.nbguard.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recent signatures of one session and refuses a repeat, as jupyter_client's
 * {@code digest_history} does. Bounded: the oldest signature is forgotten first. Thread-safe.
 * Empty signatures (unsigned sessions) are never tracked.
 */
public final class ReplayGuard {

  /** jupyter_client's default {@code digest_history_size}. */
  public static final int DEFAULT_CAPACITY = 1 << 16;

  private final Map<Bytes, Boolean> seen;

  public ReplayGuard(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.seen = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Bytes, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  public ReplayGuard() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Records {@code signature}.
   *
   * @throws ProtocolException when it was seen before (and is still remembered)
   */
  public void checkFresh(Bytes signature) {
    if (signature.isEmpty()) {
      return;
    }
    // keep our own copy: the key must not pin a whole frame in memory
    Bytes key = Bytes.copyOf(signature.toArray());
    synchronized (seen) {
      if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
        throw new ProtocolException("duplicate signature (replayed message)");
      }
    }
  }

  /** Records the signature of {@code message}, if it has one; see {@link #checkFresh(Bytes)}. */
  public void checkFresh(JupyterMessage message) {
    message.signature().ifPresent(s -> checkFresh(s.hex()));
  }

  /** How many signatures are remembered now. */
  public int size() {
    synchronized (seen) {
      return seen.size();
    }
  }
}
