package dev.nbguard.kernel;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One launched kernel process. On Linux it is started through {@code setsid}, so it leads its
 * own process group and signals reach its children too (a kernel that spawned a subprocess is
 * interrupted and killed as a whole). stdout and stderr are appended to a log file.
 *
 * <p>Signals are sent with the {@code kill} command on the given executor (never on the
 * caller's thread); {@link #onExit()} completes from the JDK's process reaper.
 */
public final class KernelProcess {

  private static final System.Logger LOG = System.getLogger(KernelProcess.class.getName());
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final String KILL = Files.isExecutable(Path.of("/bin/kill")) ? "/bin/kill" : "kill";

  private final Process process;
  private final boolean ownGroup;
  private final Executor executor;
  private final CompletableFuture<Integer> exit;

  private KernelProcess(Process process, boolean ownGroup, Executor executor) {
    this.process = process;
    this.ownGroup = ownGroup;
    this.executor = executor;
    this.exit = process.onExit().thenApply(Process::exitValue);
  }

  /**
   * Starts {@code spec}'s argv with {@code {connection_file}} replaced.
   *
   * @param environment the complete environment of the child (see {@link #environment})
   * @param executor runs the short {@code kill} commands
   */
  public static KernelProcess launch(KernelSpec spec, Path connectionFile,
      Map<String, String> environment, Path logFile, Executor executor) throws IOException {
    boolean ownGroup = Files.isExecutable(SETSID);
    List<String> command = new ArrayList<>();
    if (ownGroup) {
      command.add(SETSID.toString());
    }
    command.addAll(command(spec, connectionFile));
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(Path.of(System.getProperty("user.dir")).toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    pb.environment().clear();
    pb.environment().putAll(environment);
    return new KernelProcess(pb.start(), ownGroup, executor);
  }

  /**
   * The spec's argv with {@code {connection_file}} and {@code {resource_dir}} replaced, as
   * jupyter_client does.
   */
  static List<String> command(KernelSpec spec, Path connectionFile) {
    List<String> out = new ArrayList<>(spec.argv().size());
    for (String arg : spec.argv()) {
      out.add(arg.replace("{connection_file}", connectionFile.toString())
          .replace("{resource_dir}", spec.resourceDir().toString()));
    }
    return out;
  }

  /**
   * The kernel's environment: {@code base} (usually the gateway's own, minus
   * {@code NBGUARD_*} settings that may hold secrets), then the spec's {@code env}, then the
   * client's {@code KERNEL_*} variables where the spec does not set the same name.
   */
  public static Map<String, String> environment(Map<String, String> base, KernelSpec spec,
      KernelEnv clientEnv) {
    Map<String, String> env = new java.util.TreeMap<>();
    base.forEach((k, v) -> {
      if (!k.startsWith("NBGUARD_")) {
        env.put(k, v);
      }
    });
    clientEnv.asMap().forEach(env::put);
    env.putAll(spec.env());
    return env;
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  public long pid() {
    return process.pid();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the exit code when the process has exited. */
  public CompletableFuture<Integer> onExit() {
    return exit;
  }

  /** Sends {@code SIGINT} (to the whole process group when the kernel leads one). */
  public CompletableFuture<Void> interrupt() {
    return signal("INT");
  }

  /** Sends {@code SIGTERM} to the group. */
  public CompletableFuture<Void> terminate() {
    return signal("TERM");
  }

  /** Sends {@code SIGKILL} to the group; falls back to {@link Process#destroyForcibly()}. */
  public CompletableFuture<Void> kill() {
    return signal("KILL").whenComplete((v, e) -> process.destroyForcibly());
  }

  /**
   * Waits up to {@code timeout} for exit, then sends SIGTERM, waits up to {@code timeout}
   * again, then sends SIGKILL and waits for the exit (bounded by the same timeout once more).
   * The returned future completes when the process is gone (or the last wait ran out).
   */
  public CompletableFuture<Void> stop(long timeout, TimeUnit unit) {
    return waitExit(timeout, unit)
        .thenCompose(gone -> gone
            ? CompletableFuture.completedFuture(true)
            : terminate().thenCompose(v -> waitExit(timeout, unit)))
        .thenCompose(gone -> {
          // kill stragglers in the group even when the leader left on its own
          CompletableFuture<Void> k = ownGroup || !gone ? kill() : done();
          return k.thenCompose(v -> waitExit(timeout, unit)).thenApply(x -> (Void) null);
        });
  }

  private CompletableFuture<Boolean> waitExit(long timeout, TimeUnit unit) {
    return exit.thenApply(code -> true)
        .completeOnTimeout(false, timeout, unit)
        .exceptionally(e -> true);
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  private CompletableFuture<Void> signal(String name) {
    return CompletableFuture.runAsync(() -> {
      long pid = process.pid();
      if (ownGroup && run(KILL, "-s", name, "--", "-" + pid)) {
        return;
      }
      if (process.isAlive() && !run(KILL, "-s", name, "--", Long.toString(pid))) {
        LOG.log(Level.DEBUG, "kill -" + name + " " + pid + " failed");
      }
    }, executor);
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String toString() {
    return "KernelProcess[pid=" + process.pid() + (ownGroup ? ", own group]" : "]");
  }
}
