package dev.nbguard.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command reads and writes; tests pass their own. Output is UTF-8. */
record Io(InputStream in, PrintStream out, PrintStream err) {
  /** Prints {@code nbguard: message} to stderr. */
  void error(String message) {
    err.println("nbguard: " + message);
  }
}
