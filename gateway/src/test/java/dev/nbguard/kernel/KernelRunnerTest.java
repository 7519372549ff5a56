package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.protocol.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link KernelRunner} driven directly, where timing through the manager cannot be forced. */
class KernelRunnerTest {
  private final ExecutorService processes = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Recorder recorder = new Recorder();
  private final ZmqHub hub = new ZmqHub(HubOptions.DEFAULT,
      dev.nbguard.protocol.CodecLimits.DEFAULT, recorder);
  private KernelProcess process;

  @AfterEach
  void close() {
    if (process != null) {
      process.kill();
    }
    hub.close();
    processes.shutdownNow();
    timer.shutdownNow();
  }

  /**
   * A death report about the old process (a heartbeat failure found just before a restart
   * turned the heartbeat off) reaches markDead while the kernel restarts: it must not kill the
   * process the restart has just launched. Once the kernel is running again, a death report
   * acts as before.
   */
  @Test
  void aDeathReportDuringARestartLeavesTheNewProcessAlone() throws Exception {
    Path data = TestKernels.dataDir("runner");
    ConnectionFiles files = new ConnectionFiles(data.resolve("runtime"), "127.0.0.1");
    KernelSpec sleeper = new KernelSpecs(List.of(data)).find(TestKernels.SLEEPER).orElseThrow();
    ConnectionInfo info = files.allocate(TestKernels.SLEEPER);
    Path connection = files.write("k1", info);
    Kernel k = new Kernel("k1", sleeper, KernelEnv.EMPTY, info, connection, files.logFor("k1"),
        Instant.now());
    Map<String, Kernel> kernels = new ConcurrentHashMap<>(Map.of("k1", k));
    KernelRunner runner = new KernelRunner(TestKernels.options(), kernels, hub, recorder,
        new Messages(Clock.systemUTC(), "test", "test"), processes, timer);
    process = KernelProcess.launch(sleeper, connection, Map.of(), files.logFor("k1"), processes);
    k.process = process; // the process a restart has just launched
    k.state = ExecutionState.RESTARTING;

    runner.markDead(k, "heartbeat lost");
    Thread.sleep(500); // a kill would have landed
    assertTrue(process.isAlive(), "the new process was killed by a report about the old one");
    assertEquals(ExecutionState.RESTARTING, k.state);
    assertTrue(recorder.lifecycle("k1").isEmpty(), recorder.lifecycle("k1").toString());

    k.state = ExecutionState.IDLE; // the restart is over
    runner.markDead(k, "heartbeat lost");
    process.onExit().get(10, TimeUnit.SECONDS); // a death report about the running process kills it
    assertEquals(ExecutionState.DEAD, k.state);
    assertTrue(recorder.lifecycle("k1").stream().anyMatch(l -> l.event() == LifecycleEvent.DIED));
  }
}
