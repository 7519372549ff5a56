package dev.nbguard.e2e.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A notebook frontend and the Debian Jupyter server that serves it: JupyterLab 4 (the lab app of
 * e2e-tests/lab-app, served by Jupyter Server 1.23 from its dist/ as extra static files) or classic
 * Notebook 6.4.12 (its own UI). {@link #driverName()} is the UI's name in drive.mjs.
 */
public enum NotebookUi {
  LAB("lab", "ServerApp"),
  CLASSIC("classic", "NotebookApp");

  private static final String JUPYTER = "/usr/bin/jupyter";

  private final String driverName;
  private final String app;

  NotebookUi(String driverName, String app) {
    this.driverName = driverName;
    this.app = app;
  }

  public String driverName() {
    return driverName;
  }

  /** The command line of this UI's server on loopback {@code port}, serving {@code root}. */
  public List<String> serverCommand(int port, String token, Path root, Path labAppDist,
      List<String> extra) {
    List<String> cmd = new ArrayList<>(List.of(JUPYTER, this == LAB ? "server" : "notebook",
        "--allow-root", "--no-browser", "--ip=127.0.0.1", "--port=" + port,
        "--" + app + ".token=" + token, "--" + app + ".password=",
        "--" + app + ".port_retries=0"));
    if (this == LAB) {
      cmd.add("--ServerApp.root_dir=" + root);
      cmd.add("--ServerApp.extra_static_paths=['" + labAppDist + "']");
    } else {
      cmd.add("--NotebookApp.notebook_dir=" + root);
    }
    cmd.addAll(extra);
    return cmd;
  }

  /** Environment that keeps the server away from the user's own Jupyter configuration. */
  public static Map<String, String> isolatedEnv(Path home) {
    return Map.of(
        "HOME", home.toString(),
        "JUPYTER_CONFIG_DIR", home.resolve(".jupyter").toString(),
        "JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString(),
        "PYDEVD_DISABLE_FILE_VALIDATION", "1",
        "PYTHONDONTWRITEBYTECODE", "1");
  }

  /** The URL that answers 200 once the server is up. */
  public URI readyUrl(String base, String token) {
    return URI.create(base + "api/kernelspecs?token=" + token);
  }

  public static boolean jupyterInstalled() {
    return java.nio.file.Files.isExecutable(Path.of(JUPYTER));
  }
}
