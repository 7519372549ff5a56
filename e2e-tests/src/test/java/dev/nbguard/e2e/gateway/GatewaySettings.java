package dev.nbguard.e2e.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the gateway proofs find things. Failsafe passes the paths as system properties (see
 * e2e-tests/pom.xml); the defaults assume the working directory is the e2e-tests module.
 */
final class GatewaySettings {
  /** Debian's Jupyter (the first python3/jupyter on PATH may be another installation). */
  static final String JUPYTER = "/usr/bin/jupyter";

  private GatewaySettings() {}

  private static Path module() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath();
  }

  private static Path path(String property, Path fallback) {
    String value = System.getProperty(property);
    return (value == null || value.isBlank() ? fallback : Path.of(value)).toAbsolutePath()
        .normalize();
  }

  /** The shaded gateway jar built by the reactor's gateway module. */
  static Path jar() {
    return path("nbguard.jar", module().resolve("../gateway/target/nbguard.jar"));
  }

  /** The Jupyter Server configuration nbguard ships for gateway mode. */
  static Path jupyterServerConfig() {
    return path("nbguard.jupyterConfig", module().resolve("../jupyter-config"))
        .resolve("gateway").resolve("jupyter_server_config.py");
  }

  /** e2e-tests/services-client (its node_modules installed by scripts/install-deps). */
  static Path servicesClient() {
    return path("nbguard.e2e.servicesClient", module().resolve("services-client"));
  }

  static String node() {
    return System.getProperty("nbguard.e2e.node", "node");
  }

  /** A fresh directory under target/e2e/ for one test class's files and logs. */
  static Path workDir(String name) {
    Path base = path("nbguard.e2e.out", module().resolve("target")).resolve("e2e");
    try {
      Files.createDirectories(base);
      return Files.createTempDirectory(base, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Environment for servers that launch kernels: a private IPython directory (no history database
   * shared with other runs) and no debugger warning noise.
   */
  static Map<String, String> kernelEnv(Path dir) {
    return Map.of(
        "PYDEVD_DISABLE_FILE_VALIDATION", "1",
        "PYTHONDONTWRITEBYTECODE", "1",
        "IPYTHONDIR", dir.resolve("ipython").toString(),
        "MPLCONFIGDIR", dir.resolve("mpl").toString());
  }
}
