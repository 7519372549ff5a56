package dev.nbguard.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of {@code nbguard gateway}, resolved once: command line, then environment
 * ({@code NBGUARD_*}), then default.
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
    Optional<Path> auditLog) {

  public static final String DEFAULT_IP = "127.0.0.1";
  public static final int DEFAULT_PORT = 8889;
  public static final int DEFAULT_MAX_KERNELS = 16;

  public GatewayConfig {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(token, "token");
    allowOrigins = List.copyOf(allowOrigins);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(defaultKernel, "defaultKernel");
    Objects.requireNonNull(runtimeDir, "runtimeDir");
    Objects.requireNonNull(auditLog, "auditLog");
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
      Optional<String> ip,
      Optional<Integer> port,
      Optional<String> token,
      List<String> allowOrigins,
      Optional<Integer> maxKernels,
      Optional<String> policy,
      Optional<String> defaultKernel,
      Optional<Path> runtimeDir,
      Optional<Path> auditLog) {

    public static Given none() {
      return new Given(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * Resolves the configuration.
   *
   * @throws IllegalArgumentException for a bad value, or a non-loopback bind without an
   *     explicitly configured token
   */
  public static GatewayConfig resolve(Given given, Map<String, String> env) {
    String ip = given.ip().or(() -> env(env, "NBGUARD_IP")).orElse(DEFAULT_IP);
    int port = given.port().orElseGet(() -> env(env, "NBGUARD_PORT")
        .map(v -> parseInt("NBGUARD_PORT", v)).orElse(DEFAULT_PORT));
    Optional<String> configured = given.token().or(() -> Optional.ofNullable(env.get("NBGUARD_TOKEN")));
    List<String> origins = new ArrayList<>(given.allowOrigins());
    if (origins.isEmpty()) {
      env(env, "NBGUARD_ALLOW_ORIGIN").ifPresent(v -> {
        for (String o : v.split(",")) {
          if (!o.isBlank()) {
            origins.add(o.trim());
          }
        }
      });
    }
    int maxKernels = given.maxKernels().orElseGet(() -> env(env, "NBGUARD_MAX_KERNELS")
        .map(v -> parseInt("NBGUARD_MAX_KERNELS", v)).orElse(DEFAULT_MAX_KERNELS));
    String policy = given.policy().or(() -> env(env, "NBGUARD_POLICY")).orElse("default");
    String defaultKernel = given.defaultKernel().or(() -> env(env, "NBGUARD_DEFAULT_KERNEL"))
        .orElse("python3");
    Optional<Path> runtimeDir = given.runtimeDir()
        .or(() -> env(env, "NBGUARD_RUNTIME_DIR").map(Path::of));
    Optional<Path> auditLog = given.auditLog()
        .or(() -> env(env, "NBGUARD_AUDIT_LOG").map(Path::of));
    if (!isLoopback(ip) && configured.map(String::isEmpty).orElse(true)) {
      throw new IllegalArgumentException("refusing to listen on non-loopback address " + ip
          + " without a token: set --token or NBGUARD_TOKEN");
    }
    String token = configured.orElseGet(GatewayConfig::newToken);
    return new GatewayConfig(ip, port, token, configured.isEmpty(), origins, maxKernels, policy,
        defaultKernel, runtimeDir, auditLog);
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

  private static Optional<String> env(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }

  private static int parseInt(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: '" + value + "'");
    }
  }
}
