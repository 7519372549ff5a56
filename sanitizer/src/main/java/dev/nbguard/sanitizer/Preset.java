package dev.nbguard.sanitizer;

import java.util.Locale;

/** Built-in policies; a policy file starts from one of these ({@code extends:}). */
public enum Preset {
  /** Everything static is sanitized, nothing runs anywhere: scripted HTML loses its script. */
  STRICT,
  /** Static output sanitized; HTML that needs script runs in an opaque-origin sandbox. */
  DEFAULT,
  /** Like default, and JavaScript outputs run in the sandbox too instead of being dropped. */
  PERMISSIVE;

  public static Preset parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown preset '" + name + "' (expected strict, default or permissive)", e);
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
