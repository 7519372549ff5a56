package dev.nbguard.e2e.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One way of putting a notebook UI in front of kernels: without nbguard (the control), with
 * nbguard as the kernel gateway, with nbguard as a reverse proxy... Each is a small class; a test
 * runs the same cells through each and expects attacks to execute only where {@link #guarded()}
 * is false.
 */
public interface Deployment {

  /** A short name for reports and file names ("direct", "gateway"). */
  String name();

  /** Whether nbguard stands between the kernels and the browser. */
  boolean guarded();

  /**
   * Whether outputs stored in notebook files reach the browser sanitized too (the contents API
   * passes through nbguard). Gateway mode sees kernel traffic only.
   */
  default boolean sanitizesStoredOutputs() {
    return guarded();
  }

  /**
   * Starts everything for {@code ui}: its server serves notebooks from {@code notebooks}; logs and
   * state go under {@code work}. The browser opens {@link Running#base()}.
   */
  Running start(NotebookUi ui, DeploymentContext context);

  /** A started deployment: the base URL and token the browser uses. Closing stops it all. */
  interface Running extends AutoCloseable {
    String base();

    String token();

    /**
     * The same Jupyter server reached without nbguard (for the proxy: its upstream), so that a
     * benchmark can compare one server process with and without nbguard in front of it.
     */
    default Optional<String> bypassBase() {
      return Optional.empty();
    }

    @Override
    void close();
  }

  /** What every deployment needs: directories and where the built pieces are. */
  record DeploymentContext(Path notebooks, Path work, Path labAppDist, Path nbguardJar,
      Path gatewayConfig) {
  }
}
