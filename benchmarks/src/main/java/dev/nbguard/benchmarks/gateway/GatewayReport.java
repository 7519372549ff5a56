package dev.nbguard.benchmarks.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Markdown table: kernel alone, Jupyter Server, nbguard, the ratio and the goals. */
final class GatewayReport {
  private GatewayReport() {}

  static String render(GatewayBench.Settings s, Optional<Samples> zmq, Optional<Samples> jupyter,
      Optional<Samples> nbguard, Optional<Samples> policy) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Medians of %d repetitions (round trips: percentiles"
        + " of all %d × %d); stream %d × %d B, HTML %d × ~5 KB and %d × ~500 KB pandas-like"
        + " tables.%n%n", s.reps(), s.reps(), s.roundTrips(), s.streamCount(), 100,
        s.html5kCount(), s.html500kCount()));
    out.append("| measure | kernel alone (ZeroMQ) | ").append(s.jupyterLabel())
        .append(" | nbguard gateway | nbguard / Jupyter Server | goal | met"
            + " | default policy alone, 1 thread |\n");
    out.append("|---|---:|---:|---:|---:|---|---|---:|\n");
    row(out, "100 B stream messages/s", zmq, jupyter, nbguard,
        x -> Samples.median(x.streamPerSecond), "%,.0f", true,
        "≥ 5× Jupyter Server", (j, n) -> n >= 5 * j, "–");
    row(out, "5 KB HTML displays/s", zmq, jupyter, nbguard,
        x -> Samples.median(x.html5kPerSecond), "%,.0f", true,
        "≥ 1.5× Jupyter Server", (j, n) -> n >= 1.5 * j,
        fmt("%,.0f", policy.map(x -> Samples.median(x.policy5kPerSecond)).orElse(Double.NaN)));
    row(out, "500 KB HTML MB/s", zmq, jupyter, nbguard,
        x -> Samples.median(x.html500kPerSecond) * 0.5, "%,.1f", true,
        "≥ 25 MB/s", (j, n) -> n >= 25,
        fmt("%,.1f", policy.map(x -> Samples.median(x.policy500kPerSecond) * 0.5)
            .orElse(Double.NaN)));
    row(out, "round trip p50 ms", zmq, jupyter, nbguard,
        x -> Samples.percentile(x.roundTripMillis, 0.5), "%,.2f", false,
        "≤ 1 ms", (j, n) -> n <= 1, "–");
    row(out, "round trip p99 ms", zmq, jupyter, nbguard,
        x -> Samples.percentile(x.roundTripMillis, 0.99), "%,.2f", false,
        "≤ 1 ms", (j, n) -> n <= 1, "–");
    out.append("\nPer repetition (msgs/s; stream | 5 KB | 500 KB):\n\n");
    policy.ifPresent(v -> out.append("- ").append(v.name).append(": – | ")
        .append(list(v.policy5kPerSecond)).append(" | ").append(list(v.policy500kPerSecond))
        .append('\n'));
    for (Optional<Samples> x : List.of(zmq, jupyter, nbguard)) {
      x.ifPresent(v -> out.append("- ").append(v.name).append(": ")
          .append(list(v.streamPerSecond)).append(" | ").append(list(v.html5kPerSecond))
          .append(" | ").append(list(v.html500kPerSecond)).append('\n'));
    }
    if (jupyter.isPresent() && nbguard.isPresent()) {
      Samples j = jupyter.get();
      Samples n = nbguard.get();
      out.append("- nbguard / Jupyter Server, repetition by repetition: ")
          .append(ratios(n.streamPerSecond, j.streamPerSecond)).append(" | ")
          .append(ratios(n.html5kPerSecond, j.html5kPerSecond)).append(" | ")
          .append(ratios(n.html500kPerSecond, j.html500kPerSecond)).append('\n');
    }
    for (Optional<Samples> x : List.of(zmq, jupyter, nbguard)) {
      x.ifPresent(v -> out.append(v.problems.isEmpty()
          ? "- " + v.name + ": every flood arrived complete and in order\n"
          : "- " + v.name + ": **incomplete**: " + String.join("; ", v.problems) + "\n"));
    }
    return out.toString();
  }

  private interface Goal {
    boolean met(double jupyter, double nbguard);
  }

  private static void row(StringBuilder out, String measure, Optional<Samples> zmq,
      Optional<Samples> jupyter, Optional<Samples> nbguard, Function<Samples, Double> value,
      String format, boolean higherIsBetter, String goal, Goal met, String policyValue) {
    double z = zmq.map(value).orElse(Double.NaN);
    double j = jupyter.map(value).orElse(Double.NaN);
    double n = nbguard.map(value).orElse(Double.NaN);
    String ratio = Double.isNaN(j) || Double.isNaN(n) ? "–"
        : String.format(Locale.ROOT, "%.2f×", n / j);
    String verdict = Double.isNaN(n) || (Double.isNaN(j) && goal.contains("Jupyter")) ? "–"
        : met.met(j, n) ? "yes" : "**no**";
    out.append("| ").append(measure).append(" | ").append(fmt(format, z)).append(" | ")
        .append(fmt(format, j)).append(" | ").append(fmt(format, n)).append(" | ")
        .append(ratio).append(higherIsBetter ? "" : " (lower is better)").append(" | ")
        .append(goal).append(" | ").append(verdict).append(" | ").append(policyValue)
        .append(" |\n");
  }

  private static String fmt(String format, double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
  }

  private static String ratios(List<Double> a, List<Double> b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f×", a.get(i) / b.get(i)));
    }
    return s.toString();
  }

  private static String list(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v))
        .collect(Collectors.joining(", "));
  }
}
