package dev.nbguard.filter;

/**
 * Where the filter reports what it changed. Implementations are thread-safe and never throw into
 * the caller: the filter runs on event loops and an audit failure must not stop a relay.
 */
public interface AuditLog {

  /** Records nothing. */
  AuditLog NO_AUDIT = entry -> { };

  /** Records one entry; must not block for long and must not throw. */
  void record(AuditEntry entry);
}
