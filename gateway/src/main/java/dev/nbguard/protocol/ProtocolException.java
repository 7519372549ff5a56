package dev.nbguard.protocol;

/**
 * A message or frame that does not follow the Jupyter messaging protocol, or that breaks one of
 * the codec's limits. Every codec in this package reports bad input with this exception and
 * nothing else, so a relay can drop the offending message with a single catch.
 */
public final class ProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
