package dev.nbguard.proxy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.filter.AuditEntry;
import dev.nbguard.filter.AuditLog;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.notebook.NotebookFinding;
import dev.nbguard.sanitizer.notebook.NotebookSanitizer;
import dev.nbguard.sanitizer.notebook.SanitizedNotebook;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Sanitizes the stored outputs of a notebook read through the contents API: an answer to
 * {@code GET …/api/contents/…} whose model has {@code "type": "notebook"} and a {@code content}
 * object. Any other answer is left alone. Thread-safe.
 *
 * <p>Fail closed: an answer that should be read but cannot be (not JSON, duplicate keys that a
 * browser would resolve differently, not a notebook the sanitizer understands) makes {@link
 * #rewrite} throw, and the proxy answers 502 instead of passing it raw.
 */
final class ContentsRewriter {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final NotebookSanitizer sanitizer;
  private final AuditLog audit;

  /** Findings go to {@code audit} with the notebook path as message id, type "contents". */
  ContentsRewriter(OutputPolicy policy, AuditLog audit) {
    this.sanitizer = new NotebookSanitizer(Objects.requireNonNull(policy, "policy"));
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** Whether the answer to this request may carry a notebook (the proxy then reads it). */
  static boolean mayApply(String method, String path) {
    return ("GET".equals(method)) && ProxyPaths.isContents(path);
  }

  /** Whether an answer with this status and Content-Type must be read. */
  static boolean answerNeedsReading(int status, Optional<String> contentType) {
    return status == 200
        && contentType.map(t -> t.toLowerCase(Locale.ROOT).contains("json")).orElse(true);
  }

  /**
   * The sanitized answer body, or empty when the body carries no notebook or nothing changed
   * (forward the original bytes).
   *
   * @throws IllegalArgumentException when the body cannot be read (fail closed)
   */
  Optional<byte[]> rewrite(byte[] body) {
    JsonNode model;
    try {
      model = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("contents answer is not valid JSON: " + e.getMessage());
    }
    if (!(model instanceof ObjectNode object)
        || !"notebook".equals(object.path("type").asText(""))
        || !object.path("content").isObject()) {
      return Optional.empty();
    }
    SanitizedNotebook r;
    try {
      r = sanitizer.sanitize(object.get("content"));
    } catch (RuntimeException | StackOverflowError e) {
      throw new IllegalArgumentException("cannot sanitize notebook " + object.path("path")
          + ": " + e.getMessage());
    }
    if (!r.changed()) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    String path = object.path("path").asText("");
    for (NotebookFinding f : r.findings()) {
      try {
        audit.record(new AuditEntry(now, "", path, "contents", f.finding()));
      } catch (RuntimeException ignored) {
        // an audit log must not throw; the answer is sanitized either way
      }
    }
    object.set("content", r.notebook());
    try {
      return Optional.of(JSON.writeValueAsBytes(object));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the sanitized notebook: " + e);
    }
  }
}
