package dev.nbguard.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Jupyter servers {@code nbguard lab} can start, best first, each found as its own
 * executable on the PATH.
 */
public enum JupyterFlavor {
  /** JupyterLab. */
  LAB("jupyter-lab", "JupyterLab", "ServerApp", "/lab"),
  /** Jupyter Server with the nbclassic extension: the classic Notebook UI on Jupyter Server. */
  NBCLASSIC("jupyter-nbclassic", "Jupyter Server with nbclassic (classic Notebook UI)",
      "ServerApp", "/tree"),
  /** The classic Notebook server (notebook 6). */
  NOTEBOOK("jupyter-notebook", "classic Jupyter Notebook", "NotebookApp", "/tree");

  private final String executable;
  private final String description;
  private final String appClass;
  private final String landingPath;

  JupyterFlavor(String executable, String description, String appClass, String landingPath) {
    this.executable = executable;
    this.description = description;
    this.appClass = appClass;
    this.landingPath = landingPath;
  }

  public String executable() {
    return executable;
  }

  public String description() {
    return description;
  }

  /** The traitlets class that takes server options ({@code ServerApp} or {@code NotebookApp}). */
  public String appClass() {
    return appClass;
  }

  /** Where the UI starts, e.g. {@code /lab}. */
  public String landingPath() {
    return landingPath;
  }

  /** The best flavor installed on {@code searchPath} (a PATH value), with its executable. */
  public static Optional<Found> find(String searchPath) {
    List<String> dirs = List.of(searchPath == null ? new String[0]
        : searchPath.split(java.io.File.pathSeparator));
    for (JupyterFlavor f : values()) {
      for (String dir : dirs) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, f.executable);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(new Found(f, candidate));
        }
      }
    }
    return Optional.empty();
  }

  /** The command that installs Debian's Jupyter (prefixed with sudo unless root). */
  public static String installCommand(boolean root) {
    String sudo = root ? "" : "sudo ";
    return sudo + "apt-get update && " + sudo + "apt-get install -y --no-install-recommends"
        + " python3-ipykernel jupyter-server python3-jupyter-server python3-nbclassic"
        + " jupyter-notebook";
  }

  /** A flavor and where its executable is. */
  public record Found(JupyterFlavor flavor, Path executable) {}
}
