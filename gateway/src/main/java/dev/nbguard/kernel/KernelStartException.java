package dev.nbguard.kernel;

/** A kernel did not come up: its process failed, exited, or never answered. */
public final class KernelStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KernelStartException(String message) {
    super(message);
  }

  public KernelStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
