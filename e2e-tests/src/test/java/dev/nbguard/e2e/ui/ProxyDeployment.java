package dev.nbguard.e2e.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nbguard as a reverse proxy: the UI's Jupyter server owns the kernels as usual, on a loopback
 * port the browser never sees; the browser talks to `nbguard proxy --upstream` only, which
 * filters the kernel channels and the notebooks the contents API returns.
 */
public final class ProxyDeployment implements Deployment {

  @Override
  public String name() {
    return "proxy";
  }

  @Override
  public boolean guarded() {
    return true;
  }

  @Override
  public Running start(NotebookUi ui, DeploymentContext ctx) {
    JupyterServer.Started s = JupyterServer.start(ui, ctx, name(), List.of(), Map.of());
    try {
      String upstream = s.base().substring(0, s.base().length() - 1);
      String ready = ui.readyUrl(s.base(), s.token()).toString().substring(s.base().length());
      NbguardProxy proxy =
          NbguardProxy.start(ctx.nbguardJar(), ctx.work(), name(), upstream, ready);
      return new Running() {
        @Override
        public String base() {
          return proxy.base();
        }

        @Override
        public String token() {
          return s.token();
        }

        @Override
        public Optional<String> bypassBase() {
          return Optional.of(s.base());
        }

        @Override
        public void close() {
          try {
            proxy.close();
          } finally {
            s.process().close();
          }
        }
      };
    } catch (RuntimeException e) {
      s.process().close();
      throw e;
    }
  }
}
