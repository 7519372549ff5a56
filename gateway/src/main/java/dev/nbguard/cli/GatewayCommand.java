package dev.nbguard.cli;

import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.PolicyFiles;
import dev.nbguard.server.Gateway;
import dev.nbguard.server.GatewayConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nbguard gateway}: the Kernel Gateway–compatible server for Jupyter Server. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Serves the Jupyter Kernel Gateway REST and WebSocket API: start Jupyter Server with"
          + " --gateway-url=http://HOST:PORT --GatewayClient.auth_token=TOKEN. nbguard launches"
          + " the kernels and rewrites every output they send under the output policy.",
      "%nEach option falls back to its NBGUARD_* environment variable, then to the --config"
          + " file, then to the default."
          + " Without a token one is generated and printed. A non-loopback --ip needs a token."
          + " SIGTERM or Ctrl-C shuts every kernel down, then the server."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", ExitCodes.LIST_USAGE, ExitCodes.LIST_INTERNAL})
final class GatewayCommand implements Callable<Integer> {

  private final Io io;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A YAML or JSON file of settings, keys as the environment variables'"
          + " without NBGUARD_ in lower case (max_kernels: 8); command line and environment"
          + " win over it ($NBGUARD_CONFIG).")
  Path configFile;

  @Option(names = "--ip", paramLabel = "ADDRESS",
      description = "Address to listen on ($NBGUARD_IP, default 127.0.0.1).")
  String ip;

  @Option(names = "--port", paramLabel = "PORT",
      description = "Port to listen on, 0 for any free one ($NBGUARD_PORT, default 8889).")
  Integer port;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "API token clients must send as 'Authorization: token TOKEN' or ?token="
          + " ($NBGUARD_TOKEN; default: a generated one). An empty token disables"
          + " authentication (loopback only).")
  String token;

  @Option(names = "--allow-origin", paramLabel = "ORIGIN",
      description = "A browser origin allowed to open kernel WebSockets besides the server's own"
          + " host; repeatable; * allows any ($NBGUARD_ALLOW_ORIGIN, comma-separated).")
  List<String> allowOrigins = new ArrayList<>();

  @Option(names = "--max-kernels", paramLabel = "N",
      description = "Most kernels at once; more are refused with 503 ($NBGUARD_MAX_KERNELS,"
          + " default 16).")
  Integer maxKernels;

  @Option(names = "--policy", paramLabel = "PRESET|FILE",
      description = "Output policy: strict, default, permissive, or a YAML/JSON policy file"
          + " ($NBGUARD_POLICY, default: default).")
  String policy;

  @Option(names = "--default-kernel", paramLabel = "NAME",
      description = "Kernelspec started when a request names none ($NBGUARD_DEFAULT_KERNEL,"
          + " default python3).")
  String defaultKernel;

  @Option(names = "--runtime-dir", paramLabel = "DIR",
      description = "Directory for connection files and kernel logs, made private (0700)"
          + " ($NBGUARD_RUNTIME_DIR; default: a new temporary directory).")
  Path runtimeDir;

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Append every finding (kernel, message id, MIME type, action, rule) to FILE,"
          + " one JSON object per line ($NBGUARD_AUDIT_LOG; default: not recorded).")
  Path auditLog;

  @Option(names = "--cull-idle-timeout", paramLabel = "SECONDS",
      description = "Shut down kernels idle longer than this; 0 never does"
          + " ($NBGUARD_CULL_IDLE_TIMEOUT, default 0).")
  Integer cullIdleTimeout;

  @Option(names = "--cull-interval", paramLabel = "SECONDS",
      description = "How often to look for idle kernels ($NBGUARD_CULL_INTERVAL, default 300).")
  Integer cullInterval;

  @Option(names = "--cull-connected", arity = "0..1", paramLabel = "BOOL",
      description = "Also cull idle kernels that have clients connected"
          + " ($NBGUARD_CULL_CONNECTED, default false).")
  Boolean cullConnected;

  @Option(names = "--cull-busy", arity = "0..1", paramLabel = "BOOL",
      description = "Also cull kernels that are busy ($NBGUARD_CULL_BUSY, default false).")
  Boolean cullBusy;

  GatewayCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    GatewayConfig config;
    OutputPolicy outputPolicy;
    try {
      config = GatewayConfig.resolve(new GatewayConfig.Given(Optional.ofNullable(configFile),
          Optional.ofNullable(ip), Optional.ofNullable(port), Optional.ofNullable(token),
          allowOrigins, Optional.ofNullable(maxKernels), Optional.ofNullable(policy),
          Optional.ofNullable(defaultKernel), Optional.ofNullable(runtimeDir),
          Optional.ofNullable(auditLog), Optional.ofNullable(cullIdleTimeout),
          Optional.ofNullable(cullInterval), Optional.ofNullable(cullConnected),
          Optional.ofNullable(cullBusy)), System.getenv());
      outputPolicy = OutputPolicy.of(PolicyFiles.resolve(config.policy()));
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config, outputPolicy, Gateway.Setup.standard(Version.version()));
    } catch (IOException e) {
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    } catch (Exception e) {
      io.error("cannot start the gateway on " + config.ip() + ":" + config.port() + ": "
          + e.getMessage());
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      stopped.countDown();
    }, "nbguard-gateway-stop"));
    String url = "http://" + hostForUrl(config.ip()) + ":" + gateway.port() + "/";
    String tokenNote = !config.authEnabled() ? "no token: authentication disabled"
        : config.tokenGenerated() ? "token " + config.token() : "token from configuration";
    io.out().println("nbguard gateway: listening on " + url + " (" + tokenNote + ")");
    io.out().flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private static String hostForUrl(String ip) {
    return ip.contains(":") && !ip.startsWith("[") ? "[" + ip + "]" : ip;
  }
}
