package dev.nbguard.e2e.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * nbguard as the kernel gateway: `nbguard gateway` owns the kernels, the UI's Jupyter server runs
 * with the configuration nbguard ships (jupyter-config/gateway/jupyter_server_config.py), so every
 * kernel message reaches the browser through nbguard's filter.
 */
public final class GatewayDeployment implements Deployment {

  /**
   * Jupyter Server 1.23 sends its whole environment plus JPY_SESSION_NAME as the kernel env of a
   * session's kernel; nbguard's gateway answers 400 to names other than KERNEL_* (Kernel Gateway
   * ignores them). Until nbguard ignores them too, a session manager that sends only KERNEL_*
   * names stands in (-Dnbguard.e2e.sessionEnvShim=false runs without it).
   */
  private static final String SHIM_MODULE = "nbguard_e2e_session_env";

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public boolean guarded() {
    return true;
  }

  @Override
  public boolean sanitizesStoredOutputs() {
    return false;
  }

  @Override
  public Running start(NotebookUi ui, DeploymentContext ctx) {
    NbguardGateway gateway = NbguardGateway.start(ctx.nbguardJar(), ctx.work(), name());
    try {
      List<String> args = new ArrayList<>(List.of("--config=" + ctx.gatewayConfig()));
      Map<String, String> env = new HashMap<>(Map.of(
          "NBGUARD_URL", gateway.url(), "NBGUARD_TOKEN", gateway.token()));
      if (ui == NotebookUi.LAB && Boolean.parseBoolean(
          System.getProperty("nbguard.e2e.sessionEnvShim", "true"))) {
        env.put("PYTHONPATH", writeShim(ctx.work()).toString());
        args.add("--ServerApp.session_manager_class=" + SHIM_MODULE
            + ".KernelEnvOnlySessionManager");
      }
      JupyterServer.Started s = JupyterServer.start(ui, ctx, name(), args, env);
      return new Running() {
        @Override
        public String base() {
          return s.base();
        }

        @Override
        public String token() {
          return s.token();
        }

        @Override
        public void close() {
          // the server first: a gateway-mode server whose gateway is gone may hang on SIGTERM
          try {
            s.process().close();
          } finally {
            gateway.close();
          }
        }
      };
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  private static Path writeShim(Path work) {
    try (InputStream in = GatewayDeployment.class.getResourceAsStream(
        "/notebook-ui/" + SHIM_MODULE + ".py")) {
      if (in == null) {
        throw new IllegalStateException("missing test resource notebook-ui/" + SHIM_MODULE + ".py");
      }
      Path dir = Files.createDirectories(work.resolve("python"));
      Files.copy(in, dir.resolve(SHIM_MODULE + ".py"), StandardCopyOption.REPLACE_EXISTING);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
