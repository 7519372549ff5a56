package dev.nbguard.kernel;

/** No kernel (or no session of it) has the given id. */
public final class NoSuchKernelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoSuchKernelException(String kernelId) {
    super("no kernel with id " + kernelId);
  }

  NoSuchKernelException(String kernelId, String sessionId) {
    super("kernel " + kernelId + " has no session " + sessionId);
  }
}
