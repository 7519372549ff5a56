package dev.nbguard.proxy;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.sanitizer.OutputPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Sanitizes a sample notebook (a DataFrame, a Styler table, a figure, Markdown, LaTeX, a stream,
 * and HTML, SVG and JavaScript outputs that must be rewritten) a bounded number of times in the
 * background, right after the proxy starts. Without it the
 * first notebooks a person opens are sanitized by code that is still being loaded and
 * interpreted: about 0.5 s for the first one and 15-30 ms for the next dozens, against 1-2 ms
 * once compiled. Nothing of it reaches the audit log; {@link #close} stops it early.
 */
final class ContentsWarmup implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ContentsWarmup.class.getName());
  private static final String SAMPLE = "warmup.ipynb";
  /** Rounds that bring the sanitizer close to its compiled speed. */
  static final int ROUNDS = 400;
  /** Stop after this long even when the machine is too busy to finish the rounds. */
  static final Duration BUDGET = Duration.ofSeconds(10);

  private final ContentsRewriter rewriter;
  private final byte[] model;
  private final int rounds;
  private final long budgetNanos;
  private volatile boolean stopped;
  private volatile int done;
  private Thread thread;

  ContentsWarmup(OutputPolicy policy, int rounds, Duration budget) {
    this.rewriter = new ContentsRewriter(Objects.requireNonNull(policy, "policy"),
        AuditLog.NO_AUDIT);
    this.model = sampleModel();
    this.rounds = rounds;
    this.budgetNanos = budget.toNanos();
  }

  /** Starts warming up on a daemon thread. */
  static ContentsWarmup start(OutputPolicy policy) {
    ContentsWarmup w = new ContentsWarmup(policy, ROUNDS, BUDGET);
    Thread t = new Thread(w::run, "nbguard-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    w.thread = t;
    t.start();
    return w;
  }

  /** Runs the rounds on the calling thread (stops at the first failure, which is logged). */
  void run() {
    long deadline = System.nanoTime() + budgetNanos;
    try {
      while (done < rounds && !stopped && System.nanoTime() - deadline < 0) {
        rewriter.rewrite(model);
        done++;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "warm-up stopped: " + e);
    }
    LOG.log(Level.DEBUG, () -> "warm-up: " + done + " rounds");
  }

  /** Rounds completed so far. */
  int roundsDone() {
    return done;
  }

  /** The contents-API answer the rounds sanitize: the sample notebook as Jupyter sends it. */
  byte[] model() {
    return model.clone();
  }

  @Override
  public void close() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private static byte[] sampleModel() {
    try (InputStream in = ContentsWarmup.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SAMPLE);
      }
      String notebook = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ("{\"name\":\"" + SAMPLE + "\",\"path\":\"" + SAMPLE + "\",\"type\":\"notebook\","
          + "\"format\":\"json\",\"mimetype\":null,\"writable\":true,\"content\":" + notebook
          + "}").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
