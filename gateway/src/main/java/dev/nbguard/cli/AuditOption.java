package dev.nbguard.cli;

import dev.nbguard.filter.AuditLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --audit-log FILE} of {@code proxy} and {@code lab}; NBGUARD_AUDIT_LOG sets it. */
final class AuditOption {
  @Option(names = "--audit-log", paramLabel = "FILE", defaultValue = "${env:NBGUARD_AUDIT_LOG}",
      description = "Append every finding (kernel or notebook path, MIME type, action, rule) to"
          + " FILE, one JSON object per line ($NBGUARD_AUDIT_LOG; default: not recorded).")
  Path file;

  /** The audit log to write to (not recording when no file was given). */
  AuditLog open() throws IOException {
    return AuditLog.appendingTo(Optional.ofNullable(file));
  }
}
