package dev.nbguard.e2e.ui;

import java.util.List;
import java.util.Map;

/** The control: the UI's Jupyter server owns the kernels; nothing of nbguard runs. */
public final class DirectDeployment implements Deployment {

  @Override
  public String name() {
    return "direct";
  }

  @Override
  public boolean guarded() {
    return false;
  }

  @Override
  public Running start(NotebookUi ui, DeploymentContext ctx) {
    JupyterServer.Started s = JupyterServer.start(ui, ctx, name(), List.of(), Map.of());
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
        s.process().close();
      }
    };
  }
}
