package dev.nbguard.kernel;

import dev.nbguard.protocol.CodecLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link KernelManager}.
 *
 * @param maxKernels most kernels alive (starting ones included) at once
 * @param startupTimeout how long a starting or restarting kernel may take to answer
 *     {@code kernel_info_request} and show IOPub traffic
 * @param nudgeInterval time between {@code kernel_info_request} nudges while waiting
 * @param stopWait each of the waits of a shutdown: after {@code shutdown_request}, after
 *     SIGTERM, after SIGKILL
 * @param culling idle culling
 * @param hub the ZeroMQ hub's settings
 * @param limits decoder limits for kernel messages
 * @param baseEnvironment the environment kernels inherit (usually the gateway's own; names
 *     starting {@code NBGUARD_} are never passed on)
 */
public record ManagerOptions(
    int maxKernels,
    Duration startupTimeout,
    Duration nudgeInterval,
    Duration stopWait,
    CullingOptions culling,
    HubOptions hub,
    CodecLimits limits,
    Map<String, String> baseEnvironment) {

  public ManagerOptions {
    if (maxKernels < 1) {
      throw new IllegalArgumentException("maxKernels must be at least 1");
    }
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    Objects.requireNonNull(nudgeInterval, "nudgeInterval");
    Objects.requireNonNull(stopWait, "stopWait");
    Objects.requireNonNull(culling, "culling");
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(limits, "limits");
    baseEnvironment = Map.copyOf(baseEnvironment);
  }

  /** 16 kernels, 60 s startup, nudges every 0.5 s, 5 s stop waits, no culling. */
  public static ManagerOptions defaults() {
    return new ManagerOptions(16, Duration.ofSeconds(60), Duration.ofMillis(500),
        Duration.ofSeconds(5), CullingOptions.OFF, HubOptions.DEFAULT, CodecLimits.DEFAULT,
        System.getenv());
  }

  public ManagerOptions withMaxKernels(int max) {
    return new ManagerOptions(max, startupTimeout, nudgeInterval, stopWait, culling, hub, limits,
        baseEnvironment);
  }

  public ManagerOptions withCulling(CullingOptions c) {
    return new ManagerOptions(maxKernels, startupTimeout, nudgeInterval, stopWait, c, hub, limits,
        baseEnvironment);
  }

  public ManagerOptions withHub(HubOptions h) {
    return new ManagerOptions(maxKernels, startupTimeout, nudgeInterval, stopWait, culling, h,
        limits, baseEnvironment);
  }

  public ManagerOptions withStopWait(Duration d) {
    return new ManagerOptions(maxKernels, startupTimeout, nudgeInterval, d, culling, hub, limits,
        baseEnvironment);
  }

  public ManagerOptions withBaseEnvironment(Map<String, String> env) {
    return new ManagerOptions(maxKernels, startupTimeout, nudgeInterval, stopWait, culling, hub,
        limits, env);
  }
}
