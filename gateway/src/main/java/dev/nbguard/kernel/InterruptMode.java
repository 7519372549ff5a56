package dev.nbguard.kernel;

import java.util.Locale;

/** How a kernel is interrupted: by a POSIX signal or by an {@code interrupt_request} on control. */
public enum InterruptMode {
  SIGNAL,
  MESSAGE;

  /** The kernel.json spelling ({@code signal} | {@code message}). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a kernel.json {@code interrupt_mode}.
   *
   * @throws IllegalArgumentException for anything but {@code signal} or {@code message}
   */
  public static InterruptMode parse(String text) {
    return switch (text) {
      case "signal" -> SIGNAL;
      case "message" -> MESSAGE;
      default -> throw new IllegalArgumentException(
          "interrupt_mode must be 'signal' or 'message', got '" + text + "'");
    };
  }
}
