package dev.nbguard.kernel;

/** No kernelspec has the requested name. */
public final class NoSuchKernelSpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoSuchKernelSpecException(String name) {
    super("no kernelspec named '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
  }
}
