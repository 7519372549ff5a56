package dev.nbguard.kernel;

/** Starting one more kernel would pass the configured maximum. */
public final class KernelLimitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KernelLimitException(int max) {
    super("kernel limit reached: at most " + max + " kernels may run at once");
  }
}
