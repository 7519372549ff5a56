package dev.nbguard.sanitizer.html;

import java.util.Locale;

/**
 * Removes class names of JupyterLab's and Lumino's own UI ({@code jp-}, {@code lm-}, {@code p-}):
 * output must not pose as, or be picked up by selectors meant for, the application.
 */
public final class ClassNames {
  private ClassNames() {}

  /** The class list without reserved names ("" when none is left). */
  public static String keep(String classes) {
    StringBuilder sb = new StringBuilder(classes.length());
    for (String token : classes.strip().split("[\\t\\n\\f\\r ]+")) {
      if (!token.isEmpty() && !isReserved(token)) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(token);
      }
    }
    return sb.toString();
  }

  public static boolean isReserved(String className) {
    String c = className.toLowerCase(Locale.ROOT);
    return c.startsWith("jp-") || c.startsWith("lm-") || c.startsWith("p-");
  }

  /** True when {@code classes} holds a reserved name. */
  public static boolean hasReserved(String classes) {
    for (String token : classes.strip().split("[\\t\\n\\f\\r ]+")) {
      if (!token.isEmpty() && isReserved(token)) {
        return true;
      }
    }
    return false;
  }
}
