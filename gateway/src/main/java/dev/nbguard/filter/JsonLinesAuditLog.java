package dev.nbguard.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes one JSON object per finding and line: {@code {"time", "kernel", "msg_id", "msg_type",
 * "mime", "action", "rule", "excerpt"}}. Thread-safe (one line is written whole under a lock and
 * flushed). Never throws: I/O errors are counted ({@link #errors()}) and the first one is reported
 * to the error reporter, later ones are not (a full disk must not flood the log).
 */
public final class JsonLinesAuditLog implements AuditLog {
  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;
  private final Consumer<String> errorReporter;
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong written = new AtomicLong();

  /**
   * @param out where lines go; this log owns it from now on ({@link #close()} closes it)
   * @param errorReporter told once, on the first I/O error
   */
  public JsonLinesAuditLog(Writer out, Consumer<String> errorReporter) {
    this.out = Objects.requireNonNull(out, "out");
    this.errorReporter = Objects.requireNonNull(errorReporter, "errorReporter");
  }

  /**
   * Appends to {@code file} (created when missing), UTF-8; errors go to standard error.
   *
   * @throws IOException when the file cannot be opened
   */
  public static JsonLinesAuditLog append(Path file) throws IOException {
    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    return new JsonLinesAuditLog(w, msg -> System.err.println("nbguard: " + msg));
  }

  @Override
  public void record(AuditEntry entry) {
    String line;
    try {
      line = line(entry);
    } catch (IOException | RuntimeException e) {
      failed(e);
      return;
    }
    synchronized (this) {
      try {
        out.write(line);
        out.flush();
        written.incrementAndGet();
      } catch (IOException | RuntimeException e) {
        failed(e);
      }
    }
  }

  static String line(AuditEntry e) throws IOException {
    StringWriter sw = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(e.time()));
      g.writeStringField("kernel", e.kernelId());
      g.writeStringField("msg_id", e.msgId());
      g.writeStringField("msg_type", e.msgType());
      g.writeStringField("mime", e.finding().mimeType());
      g.writeStringField("action", e.finding().action().name().toLowerCase(java.util.Locale.ROOT));
      g.writeStringField("rule", e.finding().rule());
      g.writeStringField("excerpt", e.finding().excerpt());
      g.writeEndObject();
    }
    return sw.append('\n').toString();
  }

  private void failed(Exception e) {
    if (errors.getAndIncrement() == 0) {
      try {
        errorReporter.accept("audit log write failed (further failures are only counted): " + e);
      } catch (RuntimeException ignored) {
        // the reporter must not break the relay either
      }
    }
  }

  /** How many entries could not be written. */
  public long errors() {
    return errors.get();
  }

  /** How many entries were written. */
  public long written() {
    return written.get();
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      failed(e);
    }
  }
}
