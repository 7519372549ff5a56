package dev.nbguard.benchmarks.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Everything measured for one client, over all repetitions. */
final class Samples {
  final String name;
  final List<Double> streamPerSecond = new ArrayList<>();
  final List<Double> html5kPerSecond = new ArrayList<>();
  final List<Double> html500kPerSecond = new ArrayList<>();
  final List<Double> roundTripMillis = new ArrayList<>();
  /** The default policy alone, one thread, on the same content (no transport at all). */
  final List<Double> policy5kPerSecond = new ArrayList<>();
  final List<Double> policy500kPerSecond = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  Samples(String name) {
    this.name = name;
  }

  void add(List<Double> into, Workload.Flood flood, String what) {
    into.add(flood.perSecond());
    if (!flood.complete()) {
      problems.add(what + ": " + flood.problems());
    }
  }

  static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  /** Nearest-rank percentile; NaN when there are no values. */
  static double percentile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
