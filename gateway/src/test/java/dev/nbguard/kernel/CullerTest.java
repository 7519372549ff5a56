package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CullerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock AT_T0_PLUS_10_MIN =
      Clock.fixed(T0.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);

  private static KernelModel kernel(String id, int idleMinutes, ExecutionState s, int conns) {
    return new KernelModel(id, "python3", T0.plus(Duration.ofMinutes(10 - idleMinutes)), s, conns);
  }

  private static List<String> cull(CullingOptions options, List<KernelModel> kernels) {
    List<String> asked = new ArrayList<>();
    List<String> returned = new Culler(options, AT_T0_PLUS_10_MIN, () -> kernels, asked::add)
        .cullOnce();
    assertEquals(asked, returned);
    return asked;
  }

  private static final List<KernelModel> KERNELS = List.of(
      kernel("fresh", 1, ExecutionState.IDLE, 0),
      kernel("idle", 6, ExecutionState.IDLE, 0),
      kernel("idle-connected", 6, ExecutionState.IDLE, 2),
      kernel("busy", 6, ExecutionState.BUSY, 0),
      kernel("starting", 6, ExecutionState.STARTING, 0),
      kernel("dead", 6, ExecutionState.DEAD, 0));

  @Test
  void cullsOnlyIdleUnconnectedKernelsPastTheTimeout() {
    CullingOptions o = new CullingOptions(Duration.ofMinutes(5), Duration.ofMinutes(1), false,
        false);
    assertEquals(List.of("idle", "dead"), cull(o, KERNELS));
  }

  @Test
  void cullConnectedAndCullBusyWidenTheRule() {
    CullingOptions o = new CullingOptions(Duration.ofMinutes(5), Duration.ofMinutes(1), true,
        true);
    assertEquals(List.of("idle", "idle-connected", "busy", "dead"), cull(o, KERNELS));
  }

  @Test
  void exactlyAtTheTimeoutIsNotYetIdleEnough() {
    CullingOptions o = new CullingOptions(Duration.ofMinutes(6), Duration.ofMinutes(1), true,
        true);
    assertEquals(List.of(), cull(o, KERNELS));
  }

  @Test
  void zeroTimeoutMeansOff() {
    assertEquals(List.of(), cull(CullingOptions.OFF, KERNELS));
  }
}
