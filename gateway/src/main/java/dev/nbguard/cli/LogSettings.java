package dev.nbguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/**
 * JDK logging as nbguard's commands want it ({@code logging.properties} beside this class): the
 * JDK's defaults, less the libraries' messages that report normal events as warnings. A user's
 * own configuration ({@code java.util.logging.config.file} or {@code .class}) wins.
 */
final class LogSettings {

  static final String RESOURCE = "logging.properties";

  private LogSettings() {}

  /** Applies nbguard's logging configuration unless the user chose one; true if applied. */
  static boolean apply() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return false;
    }
    try (InputStream in = LogSettings.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return false;
      }
      LogManager.getLogManager().readConfiguration(in);
      return true;
    } catch (IOException e) {
      return false; // the JDK's defaults stay
    }
  }
}
