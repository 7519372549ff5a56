package dev.nbguard.cli;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.proxy.ProxyConfig;
import dev.nbguard.proxy.RunningProxy;
import dev.nbguard.proxy.Upstream;
import dev.nbguard.sanitizer.OutputPolicy;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbguard proxy}: a reverse proxy in front of a running Jupyter server. */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Serves a running Jupyter server (Jupyter Server, JupyterLab, Notebook) through nbguard:"
          + " every request is passed on, kernel output on the channels WebSocket and notebooks"
          + " read through the contents API are sanitized under the output policy. Open the"
          + " proxy's URL instead of Jupyter's, with Jupyter's own token.",
      "%nThe proxy adds no authentication of its own: Jupyter's token or password still guards"
          + " everything. It listens on loopback unless --allow-remote is given."
          + " SIGTERM or Ctrl-C stops it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", ExitCodes.LIST_USAGE, ExitCodes.LIST_INTERNAL})
final class ProxyCommand implements Callable<Integer> {

  private final Io io;

  @Option(names = "--upstream", paramLabel = "URL",
      defaultValue = "${env:NBGUARD_UPSTREAM}",
      description = "The Jupyter server, e.g. http://127.0.0.1:8888 ($NBGUARD_UPSTREAM).")
  String upstream;

  @Option(names = "--ip", paramLabel = "ADDRESS", defaultValue = "${env:NBGUARD_IP:-127.0.0.1}",
      description = "Address to listen on ($NBGUARD_IP, default 127.0.0.1).")
  String ip;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:NBGUARD_PORT:-8890}",
      description = "Port to listen on, 0 for any free one ($NBGUARD_PORT, default 8890).")
  int port;

  @Option(names = "--upstream-timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Answer 504 when the upstream stays silent this long (default 120).")
  long timeoutSeconds;

  @Option(names = "--allow-remote",
      description = "Allow a non-loopback --ip. Traffic is plain HTTP: put TLS in front, and"
          + " start Jupyter with --ServerApp.allow_remote_access=True.")
  boolean allowRemote;

  @Mixin PolicyOption policy;

  @Mixin AuditOption auditOption;

  ProxyCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    ProxyConfig config;
    OutputPolicy outputPolicy;
    try {
      if (upstream == null || upstream.isBlank()) {
        throw new IllegalArgumentException("--upstream URL is required (or $NBGUARD_UPSTREAM)");
      }
      config = ListenCheck.config(Upstream.parse(upstream), ip, port, allowRemote)
          .withUpstreamTimeout(Duration.ofSeconds(timeoutSeconds));
      outputPolicy = policy.load();
    } catch (IllegalArgumentException e) {
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    }
    AuditLog audit;
    try {
      audit = auditOption.open();
    } catch (java.io.IOException e) {
      io.error("cannot open the audit log: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    RunningProxy proxy;
    try {
      proxy = RunningProxy.start(config, outputPolicy, audit).warmUpInBackground();
    } catch (java.io.IOException e) {
      audit.close();
      io.error(e.getMessage());
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      proxy.close();
      audit.close();
      stopped.countDown();
    }, "nbguard-proxy-stop"));
    io.out().println("nbguard proxy: " + proxy.origin() + "/ -> " + config.upstream()
        + " (open the proxy URL with Jupyter's token)");
    io.out().flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
