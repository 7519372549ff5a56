package dev.nbguard.sanitizer;

/** What the output policy does with one representation (one MIME type) of an output. */
public enum Action {
  /** Pass the representation on unchanged (after shape validation, e.g. base64 for images). */
  ALLOW,
  /** Rewrite the representation so that nothing in it can run script or reach the page. */
  SANITIZE,
  /**
   * Static content is sanitized; content that needs script is moved into an opaque-origin
   * {@code <iframe sandbox="allow-scripts" srcdoc=…>} where it runs but cannot reach the page.
   */
  SANDBOX,
  /** Remove the representation; the frontend falls back to the next one in the bundle. */
  DROP;

  /** Parses {@code allow}, {@code SANITIZE}, … case-insensitively; a clear error otherwise. */
  public static Action parse(String text) {
    for (Action a : values()) {
      if (a.name().equalsIgnoreCase(text.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown action '" + text + "' (expected allow, sanitize, sandbox or drop)");
  }
}
