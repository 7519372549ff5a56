package dev.nbguard.benchmarks.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.SanitizedBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The sanitizer's own bound for the HTML floods: the default policy on one thread, on the very
 * display_data content the flood kernel sends (from {@code flood_kernel.py --dump-html}),
 * parsed from JSON, sanitized and written back to JSON, as the gateway does per message.
 */
final class PolicyCeiling {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutputPolicy policy = OutputPolicy.preset(Preset.DEFAULT);
  private final byte[] content;

  private PolicyCeiling(byte[] content) {
    this.content = content;
  }

  /** The content of one {@code flood html BYTES} display. */
  static PolicyCeiling forFloodHtml(String python, Path script, int bytes) throws IOException {
    Process p = new ProcessBuilder(python, script.toString(), "--dump-html",
        Integer.toString(bytes)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.length < bytes) {
        throw new IOException("flood_kernel.py --dump-html " + bytes + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new PolicyCeiling(out);
  }

  /** Runs for about {@code seconds} (after a third as much warm-up); displays per second. */
  double perSecond(double seconds) {
    run((long) (seconds / 3 * 1e9));
    return run((long) (seconds * 1e9));
  }

  private double run(long budgetNanos) {
    long start = System.nanoTime();
    int n = 0;
    long elapsed;
    do {
      once();
      n++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < budgetNanos || n < 3);
    return n / (elapsed / 1e9);
  }

  private void once() {
    try {
      JsonNode message = JSON.readTree(content);
      SanitizedBundle out = policy.sanitize(message);
      if (!out.bundle().path("data").has("text/html")) {
        throw new IllegalStateException("the default policy dropped the table: "
            + out.findings());
      }
      JSON.writeValueAsBytes(out.bundle());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
