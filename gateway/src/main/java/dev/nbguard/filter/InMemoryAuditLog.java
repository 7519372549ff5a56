package dev.nbguard.filter;

import java.util.ArrayList;
import java.util.List;

/** Keeps entries in memory, for tests and diagnostics; thread-safe, bounded. */
public final class InMemoryAuditLog implements AuditLog {
  private final int capacity;
  private final List<AuditEntry> entries = new ArrayList<>();
  private long discarded;

  public InMemoryAuditLog() {
    this(100_000);
  }

  /** Keeps at most {@code capacity} entries; later ones are counted and discarded. */
  public InMemoryAuditLog(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0");
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void record(AuditEntry entry) {
    if (entries.size() < capacity) {
      entries.add(entry);
    } else {
      discarded++;
    }
  }

  /** A snapshot of the entries recorded so far, oldest first. */
  public synchronized List<AuditEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized long discarded() {
    return discarded;
  }
}
