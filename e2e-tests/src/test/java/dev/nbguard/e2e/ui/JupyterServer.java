package dev.nbguard.e2e.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Starts a UI's Debian Jupyter server (the piece every deployment has) and waits for it. */
final class JupyterServer {
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private JupyterServer() {
  }

  /** A started server: its process, base URL and token. */
  record Started(ManagedProcess process, String base, String token) {
  }

  /** The HOME (and Jupyter data dir) of the server a deployment starts as {@code label}. */
  static Path homeDir(Deployment.DeploymentContext ctx, String label) {
    return ctx.work().resolve(label + "-home");
  }

  static Started start(NotebookUi ui, Deployment.DeploymentContext ctx, String label,
      List<String> extraArgs, Map<String, String> extraEnv) {
    try {
      Path home = Files.createDirectories(homeDir(ctx, label));
      int port = ManagedProcess.freePort();
      String token = "ui-" + UUID.randomUUID();
      Map<String, String> env = new HashMap<>(NotebookUi.isolatedEnv(home));
      env.putAll(extraEnv);
      ManagedProcess p = ManagedProcess.start(label + " (" + ui.driverName() + " server)",
          ui.serverCommand(port, token, ctx.notebooks(), ctx.labAppDist(), extraArgs), env,
          ctx.work(), ctx.work().resolve(label + "-jupyter.log"));
      String base = "http://127.0.0.1:" + port + "/";
      try {
        p.awaitReady(ui.readyUrl(base, token), START_TIMEOUT);
      } catch (RuntimeException e) {
        p.close();
        throw e;
      }
      return new Started(p, base, token);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
