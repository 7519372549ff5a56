package dev.nbguard.e2e.ui;

import java.util.List;
import java.util.Map;

/**
 * nbguard as the kernel gateway: `nbguard gateway` owns the kernels, the UI's Jupyter server runs
 * with the configuration nbguard ships (jupyter-config/gateway/jupyter_server_config.py), so every
 * kernel message reaches the browser through nbguard's filter.
 */
public final class GatewayDeployment implements Deployment {

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
      JupyterServer.Started s = JupyterServer.start(ui, ctx, name(),
          List.of("--config=" + ctx.gatewayConfig()),
          Map.of("NBGUARD_URL", gateway.url(), "NBGUARD_TOKEN", gateway.token()));
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
}
