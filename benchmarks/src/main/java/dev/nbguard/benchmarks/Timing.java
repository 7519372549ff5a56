package dev.nbguard.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times one operation: warm-up first (at least {@code minWarmup} runs and about a third of the
 * budget), then measured runs until the budget is spent (at least {@code minRuns}, at most
 * {@code maxRuns}). Each run is timed alone, so the median and p90 are of single runs.
 */
final class Timing {
  private static volatile int sink;

  /** Per-run times in nanoseconds, sorted. */
  record Result(long[] sortedNanos) {
    double medianNanos() {
      return percentile(0.5);
    }

    /** The time 90% of runs beat: the slow end. */
    double p90Nanos() {
      return percentile(0.9);
    }

    int runs() {
      return sortedNanos.length;
    }

    private double percentile(double q) {
      double pos = q * (sortedNanos.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = (int) Math.ceil(pos);
      return sortedNanos[lo] + (sortedNanos[hi] - sortedNanos[lo]) * (pos - lo);
    }
  }

  private Timing() {}

  static Result measure(Supplier<Object> op, double budgetSeconds, int minRuns, int maxRuns) {
    long budget = (long) (budgetSeconds * 1e9);
    long warmupEnd = System.nanoTime() + budget / 3;
    int warm = 0;
    while (warm < 3 || (System.nanoTime() < warmupEnd && warm < maxRuns)) {
      consume(op.get());
      warm++;
    }
    System.gc();
    List<Long> times = new ArrayList<>();
    long end = System.nanoTime() + budget;
    while (times.size() < minRuns || (System.nanoTime() < end && times.size() < maxRuns)) {
      long t0 = System.nanoTime();
      Object r = op.get();
      times.add(System.nanoTime() - t0);
      consume(r);
    }
    long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Result(sorted);
  }

  static Result fromSeconds(List<Double> seconds) {
    long[] sorted = seconds.stream().mapToLong(s -> (long) (s * 1e9)).toArray();
    Arrays.sort(sorted);
    return new Result(sorted);
  }

  private static void consume(Object o) {
    sink += System.identityHashCode(o);
  }
}
