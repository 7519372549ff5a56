package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Restart, shutdown, death and limits, each with its own real kernel. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KernelLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final Recorder recorder = new Recorder();
  private KernelManager manager;

  @AfterEach
  void close() {
    if (manager != null) {
      manager.close();
    }
  }

  private String kernelInfoRoundTrip(String id, String session) throws Exception {
    Messages messages = new Messages(Clock.systemUTC(), session, "tester");
    JupyterMessage m = messages.create(Channel.SHELL, "kernel_info_request", Bytes.utf8("{}"),
        Optional.empty());
    manager.send(id, session, Channel.SHELL, m).get(5, TimeUnit.SECONDS);
    return recorder.await(r -> r.kernelId().equals(id) && r.parentId().equals(m.msgId())
        && r.type().equals("kernel_info_reply"), WAIT).type();
  }

  @Test
  void restartKeepsConnectionInfoAndShutdownLeavesNoProcess() throws Exception {
    manager = TestKernels.manager("restart", TestKernels.options(), recorder);
    String id = manager.start(TestKernels.PYTHON, KernelEnv.EMPTY).get(40, TimeUnit.SECONDS).id();
    manager.openSession(id, "s1").get(5, TimeUnit.SECONDS);
    ConnectionInfo before = manager.connectionInfo(id).orElseThrow();
    ProcessHandle first = manager.process(id).orElseThrow();

    KernelModel restarted = manager.restart(id).get(40, TimeUnit.SECONDS);

    assertEquals(id, restarted.id());
    assertEquals(ExecutionState.IDLE, restarted.executionState());
    assertEquals(before, manager.connectionInfo(id).orElseThrow());
    ProcessHandle second = manager.process(id).orElseThrow();
    assertFalse(first.isAlive(), "the old process is gone");
    assertTrue(second.isAlive());
    assertEquals("kernel_info_reply", kernelInfoRoundTrip(id, "s1"));
    List<LifecycleEvent> events = recorder.lifecycle(id).stream()
        .map(Recorder.Life::event).toList();
    assertEquals(List.of(LifecycleEvent.STARTED, LifecycleEvent.RESTARTING,
        LifecycleEvent.RESTARTED), events);
    assertTrue(recorder.lifecycle(id).get(1).status().isEmpty(),
        "a requested restart is not announced as an autorestart");

    long child = spawnChild(id, "s1");
    assertTrue(!gone(child), "the kernel's child runs");

    manager.shutdown(id).get(20, TimeUnit.SECONDS);

    second.onExit().get(5, TimeUnit.SECONDS);
    assertFalse(second.isAlive());
    Recorder.waitUntil(() -> gone(child), WAIT, "the kernel's child is gone too");
    assertTrue(manager.get(id).isEmpty());
    assertTrue(manager.list().isEmpty());
    assertEquals(LifecycleEvent.SHUT_DOWN, recorder.lifecycle(id).get(3).event());
    try (var files = Files.list(Path.of("target/kernel-test-restart/runtime"))) {
      assertEquals(List.of(), files.toList(), "connection file and log removed");
    }
  }

  @Test
  void killedKernelIsDetectedAsDead() throws Exception {
    manager = TestKernels.manager("kill", TestKernels.options(), recorder);
    String id = manager.start(TestKernels.PYTHON, KernelEnv.EMPTY).get(40, TimeUnit.SECONDS).id();
    ProcessHandle p = manager.process(id).orElseThrow();
    manager.openSession(id, "s1").get(5, TimeUnit.SECONDS);
    long child = spawnChild(id, "s1");

    Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start();
    assertTrue(kill.waitFor(5, TimeUnit.SECONDS));

    Recorder.waitUntil(() -> recorder.lifecycle(id).stream()
        .anyMatch(l -> l.event() == LifecycleEvent.DIED), WAIT, "DIED event");
    assertEquals(ExecutionState.DEAD, manager.get(id).orElseThrow().executionState());
    JupyterMessage dead = recorder.lifecycle(id).stream()
        .filter(l -> l.event() == LifecycleEvent.DIED).findFirst().orElseThrow()
        .status().orElseThrow();
    assertEquals("dead",
        Recorder.json(dead.contentBytes().toUtf8String()).path("execution_state").asText());
    Recorder.waitUntil(() -> gone(child), WAIT, "the dead kernel's child is killed with it");
  }

  @Test
  void aDeadKernelComesBackOnRestartAndStays() throws Exception {
    manager = TestKernels.manager("dead-restart", TestKernels.options(), recorder);
    String id = manager.start(TestKernels.PYTHON, KernelEnv.EMPTY).get(40, TimeUnit.SECONDS).id();
    ProcessHandle p = manager.process(id).orElseThrow();
    manager.openSession(id, "s1").get(5, TimeUnit.SECONDS);
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start();
    assertTrue(kill.waitFor(5, TimeUnit.SECONDS));
    Recorder.waitUntil(() -> manager.get(id).orElseThrow().executionState()
        == ExecutionState.DEAD, WAIT, "dead");

    manager.restart(id).get(40, TimeUnit.SECONDS);
    ProcessHandle second = manager.process(id).orElseThrow();
    assertEquals("kernel_info_reply", kernelInfoRoundTrip(id, "s1"));
    Thread.sleep(1500); // a stale shutdown_request, had one been queued, would have arrived
    assertTrue(second.isAlive(), "the restarted kernel stays up");
    assertEquals("kernel_info_reply", kernelInfoRoundTrip(id, "s1"));
  }

  @Test
  void refusesMoreKernelsThanTheMaximum() throws Exception {
    manager = TestKernels.manager("limit", TestKernels.options().withMaxKernels(1), recorder);
    CompletableFuture<KernelModel> first = manager.start(TestKernels.SLEEPER, KernelEnv.EMPTY);

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> manager.start(TestKernels.SLEEPER, KernelEnv.EMPTY).get(5, TimeUnit.SECONDS));
    assertInstanceOf(KernelLimitException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("at most 1"));

    Recorder.waitUntil(() -> manager.list().size() == 1, WAIT, "first kernel registered");
    ProcessHandle sleeper = waitForProcess(manager.list().get(0).id());
    manager.shutdownAll().get(20, TimeUnit.SECONDS);
    ExecutionException stopped = assertThrows(ExecutionException.class,
        () -> first.get(5, TimeUnit.SECONDS));
    assertInstanceOf(KernelStartException.class, stopped.getCause());
    assertFalse(sleeper.isAlive(), "a kernel shut down while starting leaves no process");
  }

  @Test
  void unknownSpecAndUnknownKernelFailClearly() throws Exception {
    manager = TestKernels.manager("unknown", TestKernels.options(), recorder);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> manager.start("no-such-kernel", KernelEnv.EMPTY).get(5, TimeUnit.SECONDS));
    assertInstanceOf(NoSuchKernelSpecException.class, e.getCause());
    ExecutionException e2 = assertThrows(ExecutionException.class,
        () -> manager.interrupt("0000").get(5, TimeUnit.SECONDS));
    assertInstanceOf(NoSuchKernelException.class, e2.getCause());
  }

  @Test
  void stoppedKernelIsDeclaredDeadByTheHeartbeatAndKilled() throws Exception {
    ManagerOptions fast = TestKernels.options().withHub(HubOptions.DEFAULT.withHeartbeat(
        Duration.ofMillis(300), Duration.ofMillis(1000), 2));
    manager = TestKernels.manager("hb", fast, recorder);
    String id = manager.start(TestKernels.PYTHON, KernelEnv.EMPTY).get(40, TimeUnit.SECONDS).id();
    ProcessHandle p = manager.process(id).orElseThrow();
    Thread.sleep(1_500); // several heartbeats answered: no false alarm
    assertEquals(List.of(LifecycleEvent.STARTED),
        recorder.lifecycle(id).stream().map(Recorder.Life::event).toList());

    Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(p.pid())).start();
    assertTrue(stop.waitFor(5, TimeUnit.SECONDS));

    Recorder.waitUntil(() -> recorder.lifecycle(id).stream()
        .anyMatch(l -> l.event() == LifecycleEvent.DIED), WAIT, "DIED event");
    assertEquals(List.of(id), recorder.heartbeatFailures());
    assertEquals(ExecutionState.DEAD, manager.get(id).orElseThrow().executionState());
    p.onExit().get(10, TimeUnit.SECONDS);
    assertFalse(p.isAlive(), "a hung kernel is killed once declared dead");
  }

  @Test
  void kernelThatExitsAtOnceFailsTheStartWithItsLog() throws Exception {
    manager = TestKernels.manager("broken", TestKernels.options(), recorder);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> manager.start(TestKernels.BROKEN, KernelEnv.EMPTY).get(30, TimeUnit.SECONDS));
    assertInstanceOf(KernelStartException.class, e.getCause());
    String message = e.getCause().getMessage();
    assertTrue(message.contains("exited with code 3"), message);
    assertTrue(message.contains("kernel-went-boom"), message);
    Recorder.waitUntil(() -> manager.list().isEmpty(), WAIT, "failed kernel removed");
  }

  @Test
  void interruptByMessageStopsASleep() throws Exception {
    manager = TestKernels.manager("msgint", TestKernels.options(), recorder);
    String id = manager.start(TestKernels.PYTHON_MESSAGE_INTERRUPT, KernelEnv.EMPTY)
        .get(40, TimeUnit.SECONDS).id();
    manager.openSession(id, "s1").get(5, TimeUnit.SECONDS);
    Messages messages = new Messages(Clock.systemUTC(), "s1", "tester");
    JupyterMessage run = messages.create(Channel.SHELL, "execute_request", Bytes.utf8(
        "{\"code\":\"import time; time.sleep(30)\",\"silent\":false}"), Optional.empty());
    manager.send(id, "s1", Channel.SHELL, run).get(5, TimeUnit.SECONDS);
    recorder.await(r -> r.parentId().equals(run.msgId()) && r.type().equals("execute_input"),
        WAIT);
    Thread.sleep(300); // let the kernel enter time.sleep

    manager.interrupt(id).get(10, TimeUnit.SECONDS);

    Recorder.Received reply = recorder.await(r -> r.parentId().equals(run.msgId())
        && r.type().equals("execute_reply"), WAIT);
    assertEquals("KeyboardInterrupt", reply.content().path("ename").asText());
  }

  @Test
  void idleUnconnectedKernelIsCulled() throws Exception {
    ManagerOptions culling = TestKernels.options().withCulling(
        new CullingOptions(Duration.ofMillis(500), Duration.ofMillis(200), false, false));
    manager = TestKernels.manager("cull", culling, recorder);
    String id = manager.start(TestKernels.PYTHON, KernelEnv.EMPTY).get(40, TimeUnit.SECONDS).id();
    ProcessHandle p = manager.process(id).orElseThrow();

    Recorder.waitUntil(() -> recorder.lifecycle(id).stream()
        .anyMatch(l -> l.event() == LifecycleEvent.CULLED), WAIT, "CULLED event");
    assertTrue(manager.get(id).isEmpty());
    p.onExit().get(10, TimeUnit.SECONDS);
    assertFalse(p.isAlive());
  }

  /** Has the kernel start {@code sleep 60} and returns its pid. */
  private long spawnChild(String id, String session) throws Exception {
    Messages messages = new Messages(Clock.systemUTC(), session, "tester");
    JupyterMessage run = messages.create(Channel.SHELL, "execute_request", Bytes.utf8(
        "{\"code\":\"import subprocess; c = subprocess.Popen(['sleep', '60']); print(c.pid)\","
            + "\"silent\":false}"), Optional.empty());
    manager.send(id, session, Channel.SHELL, run).get(5, TimeUnit.SECONDS);
    Recorder.Received out = recorder.await(r -> r.parentId().equals(run.msgId())
        && r.type().equals("stream"), WAIT);
    return Long.parseLong(out.content().path("text").asText().trim());
  }

  /** Not running: no such process, or a zombie nobody reaped yet. */
  private static boolean gone(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
      } catch (java.io.IOException e) {
        return true;
      }
    }
    return true;
  }

  private ProcessHandle waitForProcess(String id) {
    Recorder.waitUntil(() -> manager.process(id).isPresent(), WAIT, "process launched");
    return manager.process(id).orElseThrow();
  }
}
