package dev.nbguard.filter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the filter reports what it changed. Implementations are thread-safe and never throw into
 * the caller: the filter runs on event loops and an audit failure must not stop a relay.
 */
public interface AuditLog extends AutoCloseable {

  /** Records nothing. */
  AuditLog NO_AUDIT = entry -> { };

  /**
   * Appends to {@code file} as JSON lines ({@link JsonLinesAuditLog}), or records nothing when
   * no file is given.
   *
   * @throws IOException when the file cannot be opened
   */
  static AuditLog appendingTo(Optional<Path> file) throws IOException {
    return file.isPresent() ? JsonLinesAuditLog.append(file.get()) : NO_AUDIT;
  }

  /** Records one entry; must not block for long and must not throw. */
  void record(AuditEntry entry);

  /** Releases what the log holds (a file); never throws. Nothing by default. */
  @Override
  default void close() {}
}
