package dev.nbguard.benchmarks.gateway;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side gateway relay benchmark's client (run by benchmarks/run-gateway, see
 * docs/benchmarks.md): the flood kernel alone over ZeroMQ, then through each server given, with
 * the same workloads — 100 B stream floods, ~5 KB and ~500 KB HTML table floods, trivial
 * execute round trips — repeated and interleaved (kernel alone, Jupyter Server, nbguard, next
 * repetition), after one warm-up round each. Prints a Markdown table.
 *
 * <p>Options: {@code --python P --script flood_kernel.py --work DIR --kernel NAME
 * [--jupyter URL --jupyter-token T] [--jupyter-label L] [--nbguard URL --nbguard-token T]
 * [--no-zmq] [--reps R] [--stream N] [--html5k N] [--html500k N] [--rtt N]
 * [--workloads stream,html5k,html500k,rtt] [--out FILE]}
 */
public final class GatewayBench {

  /** What to run. */
  record Settings(String python, Path script, Path work, String kernel,
      Optional<URI> jupyter, String jupyterToken, String jupyterLabel,
      Optional<URI> nbguard, String nbguardToken, boolean zmq, int reps, int streamCount,
      int html5kCount, int html500kCount, int roundTrips, Set<String> workloads,
      Optional<Path> out) {

    boolean runs(String workload) {
      return workloads.contains(workload);
    }
  }

  private static final Set<String> ALL_WORKLOADS =
      Set.of("stream", "html5k", "html500k", "rtt");

  private GatewayBench() {}

  public static void main(String[] args) throws Exception {
    Settings s = parse(args);
    Vertx vertx = Vertx.vertx();
    List<KernelClient> clients = new ArrayList<>();
    List<Samples> samples = new ArrayList<>();
    try {
      if (s.zmq()) {
        clients.add(ZmqKernelClient.launch(s.python(), s.script(), s.work()));
      }
      if (s.jupyter().isPresent()) {
        clients.add(WsKernelClient.start(s.jupyterLabel(), s.jupyter().get(), s.jupyterToken(),
            s.kernel(), vertx));
      }
      if (s.nbguard().isPresent()) {
        clients.add(WsKernelClient.start("nbguard gateway", s.nbguard().get(), s.nbguardToken(),
            s.kernel(), vertx));
      }
      for (KernelClient c : clients) {
        Workload.awaitReady(c, Duration.ofSeconds(60));
        log("warming up " + c.name());
        round(c, new Samples(c.name()), s, 2);
        samples.add(new Samples(c.name()));
      }
      Samples policy = new Samples("default policy alone (1 thread)");
      PolicyCeiling html5k = PolicyCeiling.forFloodHtml(s.python(), s.script(), 5_000);
      PolicyCeiling html500k = PolicyCeiling.forFloodHtml(s.python(), s.script(), 500_000);
      for (int rep = 1; rep <= s.reps(); rep++) {
        for (int i = 0; i < clients.size(); i++) {
          log("repetition " + rep + "/" + s.reps() + ": " + clients.get(i).name());
          round(clients.get(i), samples.get(i), s, 1);
        }
        if (s.runs("html5k")) {
          policy.policy5kPerSecond.add(html5k.perSecond(1.5));
        }
        if (s.runs("html500k")) {
          policy.policy500kPerSecond.add(html500k.perSecond(1.5));
        }
      }
      samples.add(policy);
    } finally {
      for (KernelClient c : clients) {
        c.close();
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    String report = GatewayReport.render(s, find(samples, "kernel alone"),
        find(samples, s.jupyterLabel()), find(samples, "nbguard gateway"),
        find(samples, "default policy alone"));
    System.out.println(report);
    if (s.out().isPresent()) {
      Files.writeString(s.out().get(), report, StandardCharsets.UTF_8);
    }
  }

  /** One round of every workload; {@code divisor} shrinks the counts (warm-up). */
  private static void round(KernelClient c, Samples into, Settings s, int divisor)
      throws Exception {
    if (s.runs("stream")) {
      into.add(into.streamPerSecond,
          Workload.flood(c, "stream", 100, s.streamCount() / divisor), "stream");
    }
    if (s.runs("html5k")) {
      into.add(into.html5kPerSecond,
          Workload.flood(c, "html", 5_000, s.html5kCount() / divisor), "5 KB HTML");
    }
    if (s.runs("html500k")) {
      into.add(into.html500kPerSecond,
          Workload.flood(c, "html", 500_000, s.html500kCount() / divisor), "500 KB HTML");
    }
    if (s.runs("rtt")) {
      for (int i = 0; i < s.roundTrips() / divisor; i++) {
        into.roundTripMillis.add(Workload.roundTrip(c));
      }
    }
  }

  private static Optional<Samples> find(List<Samples> all, String prefix) {
    return all.stream().filter(x -> x.name.startsWith(prefix)).findFirst();
  }

  private static void log(String line) {
    System.err.println("gateway bench: " + line);
  }

  private static Settings parse(String[] args) {
    String python = "/usr/bin/python3";
    Path script = null;
    Path work = null;
    String kernel = "nbguard-flood";
    Optional<URI> jupyter = Optional.empty();
    Optional<URI> nbguard = Optional.empty();
    String jupyterToken = "";
    String nbguardToken = "";
    String jupyterLabel = "Jupyter Server";
    boolean zmq = true;
    int reps = 5;
    int stream = 20_000;
    int html5k = 4_000;
    int html500k = 60;
    int rtt = 200;
    Set<String> workloads = ALL_WORKLOADS;
    Optional<Path> out = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-zmq")) {
        zmq = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String v = args[++i];
      switch (a) {
        case "--python" -> python = v;
        case "--script" -> script = Path.of(v);
        case "--work" -> work = Path.of(v);
        case "--kernel" -> kernel = v;
        case "--jupyter" -> jupyter = Optional.of(URI.create(v));
        case "--jupyter-token" -> jupyterToken = v;
        case "--jupyter-label" -> jupyterLabel = v;
        case "--nbguard" -> nbguard = Optional.of(URI.create(v));
        case "--nbguard-token" -> nbguardToken = v;
        case "--reps" -> reps = positive(a, v);
        case "--stream" -> stream = positive(a, v);
        case "--html5k" -> html5k = positive(a, v);
        case "--html500k" -> html500k = positive(a, v);
        case "--rtt" -> rtt = positive(a, v);
        case "--out" -> out = Optional.of(Path.of(v));
        case "--workloads" -> workloads = workloads(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    if (script == null || work == null) {
      throw new IllegalArgumentException("--script and --work are required");
    }
    return new Settings(python, script, work, kernel, jupyter, jupyterToken, jupyterLabel,
        nbguard, nbguardToken, zmq, reps, stream, html5k, html500k, rtt, workloads, out);
  }

  private static Set<String> workloads(String list) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String w : list.split("[,\\s]+")) {
      if (!w.isEmpty() && !ALL_WORKLOADS.contains(w)) {
        throw new IllegalArgumentException("unknown workload " + w + "; known: " + ALL_WORKLOADS);
      }
      if (!w.isEmpty()) {
        chosen.add(w);
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("no workload chosen; known: " + ALL_WORKLOADS);
    }
    return Set.copyOf(chosen);
  }

  private static int positive(String option, String value) {
    int n = Integer.parseInt(value);
    if (n < 1) {
      throw new IllegalArgumentException(option + " must be at least 1: " + value);
    }
    return n;
  }
}
