package dev.nbguard.server;

import dev.nbguard.kernel.CullingOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of {@code nbguard gateway}, resolved once: command line, then environment
 * ({@code NBGUARD_*}), then the configuration file ({@code --config} or {@code NBGUARD_CONFIG},
 * YAML or JSON with the same snake_case keys), then default.
 *
 * @param ip address to bind (default {@code 127.0.0.1})
 * @param port port to bind (default 8889; 0 picks a free one)
 * @param token the API token; empty means no authentication (loopback only)
 * @param tokenGenerated the token was generated because none was configured (print it)
 * @param allowOrigins origins a browser WebSocket may come from besides the request's own host
 *     ({@code *} allows any)
 * @param maxKernels most kernels at once
 * @param policy output policy preset or file
 * @param defaultKernel the kernelspec used when {@code POST /api/kernels} names none
 * @param runtimeDir where connection files and kernel logs go (empty: a fresh temporary
 *     directory)
 * @param auditLog where findings go, one JSON object per line (empty: not recorded)
 * @param culling idle culling (off by default, as in Jupyter Server)
 */
public record GatewayConfig(
    String ip,
    int port,
    String token,
    boolean tokenGenerated,
    List<String> allowOrigins,
    int maxKernels,
    String policy,
    String defaultKernel,
    Optional<Path> runtimeDir,
    Optional<Path> auditLog,
    CullingOptions culling) {

  public static final String DEFAULT_IP = "127.0.0.1";
  public static final int DEFAULT_PORT = 8889;
  public static final int DEFAULT_MAX_KERNELS = 16;
  /** The keys of the environment ({@code NBGUARD_} + upper case) and of the file. */
  static final Set<String> KEYS = Set.of("ip", "port", "token", "allow_origin", "max_kernels",
      "policy", "default_kernel", "runtime_dir", "audit_log", "cull_idle_timeout",
      "cull_interval", "cull_connected", "cull_busy");

  public GatewayConfig {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(token, "token");
    allowOrigins = List.copyOf(allowOrigins);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(defaultKernel, "defaultKernel");
    Objects.requireNonNull(runtimeDir, "runtimeDir");
    Objects.requireNonNull(auditLog, "auditLog");
    Objects.requireNonNull(culling, "culling");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxKernels < 1) {
      throw new IllegalArgumentException("max kernels must be at least 1: " + maxKernels);
    }
  }

  /** Whether requests must carry the token. */
  public boolean authEnabled() {
    return !token.isEmpty();
  }

  /** What the command line said; every field may be absent. */
  public record Given(
      Optional<Path> configFile,
      Optional<String> ip,
      Optional<Integer> port,
      Optional<String> token,
      List<String> allowOrigins,
      Optional<Integer> maxKernels,
      Optional<String> policy,
      Optional<String> defaultKernel,
      Optional<Path> runtimeDir,
      Optional<Path> auditLog,
      Optional<Integer> cullIdleTimeout,
      Optional<Integer> cullInterval,
      Optional<Boolean> cullConnected,
      Optional<Boolean> cullBusy) {

    public static Given none() {
      return new Given(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * Resolves the configuration.
   *
   * @throws IllegalArgumentException for a bad value or configuration file, or a non-loopback
   *     bind without an explicitly configured token
   */
  public static GatewayConfig resolve(Given given, Map<String, String> env) {
    SettingSources more = SettingSources.load(given.configFile(), env, KEYS);
    String ip = given.ip().or(() -> more.string("ip")).orElse(DEFAULT_IP);
    int port = given.port().or(() -> more.integer("port")).orElse(DEFAULT_PORT);
    // an empty NBGUARD_TOKEN is a choice (no auth), unlike other empty variables
    Optional<String> configured = given.token()
        .or(() -> Optional.ofNullable(env.get("NBGUARD_TOKEN")))
        .or(() -> more.string("token"));
    List<String> origins = given.allowOrigins().isEmpty() ? more.list("allow_origin")
        : given.allowOrigins();
    int maxKernels = given.maxKernels().or(() -> more.integer("max_kernels"))
        .orElse(DEFAULT_MAX_KERNELS);
    String policy = given.policy().or(() -> more.string("policy")).orElse("default");
    String defaultKernel = given.defaultKernel().or(() -> more.string("default_kernel"))
        .orElse("python3");
    Optional<Path> runtimeDir = given.runtimeDir()
        .or(() -> more.string("runtime_dir").map(Path::of));
    Optional<Path> auditLog = given.auditLog().or(() -> more.string("audit_log").map(Path::of));
    int idle = given.cullIdleTimeout().or(() -> more.integer("cull_idle_timeout")).orElse(0);
    int interval = given.cullInterval().or(() -> more.integer("cull_interval")).orElse(300);
    CullingOptions culling = new CullingOptions(seconds("cull idle timeout", idle),
        seconds("cull interval", interval),
        given.cullConnected().or(() -> more.bool("cull_connected")).orElse(false),
        given.cullBusy().or(() -> more.bool("cull_busy")).orElse(false));
    if (!isLoopback(ip) && configured.map(String::isEmpty).orElse(true)) {
      throw new IllegalArgumentException("refusing to listen on non-loopback address " + ip
          + " without a token: set --token or NBGUARD_TOKEN");
    }
    String token = configured.orElseGet(GatewayConfig::newToken);
    return new GatewayConfig(ip, port, token, configured.isEmpty(), origins, maxKernels, policy,
        defaultKernel, runtimeDir, auditLog, culling);
  }

  private static Duration seconds(String what, int n) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + n);
    }
    return Duration.ofSeconds(n);
  }

  /** 48 hex digits from {@link SecureRandom}, like Jupyter's generated tokens. */
  public static String newToken() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static boolean isLoopback(String ip) {
    if (ip.equals("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(ip).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
