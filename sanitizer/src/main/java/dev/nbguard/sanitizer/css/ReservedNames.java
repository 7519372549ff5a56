package dev.nbguard.sanitizer.css;

import java.util.List;

/**
 * Class and element name prefixes of the application around the output: JupyterLab ({@code jp-}),
 * Lumino ({@code lm-}, formerly PhosphorJS {@code p-}), CodeMirror ({@code cm-}, {@code
 * CodeMirror}) and MathJax ({@code mjx-}, {@code MathJax}). Output styling them could hide,
 * restyle or imitate the application's UI.
 */
final class ReservedNames {
  static final List<String> PREFIXES =
      List.of("jp-", "lm-", "p-", "cm-", "codemirror", "mjx-", "mathjax");

  private ReservedNames() {}

  static boolean isReserved(String name) {
    String lower = CodePoints.lower(name);
    for (String p : PREFIXES) {
      if (lower.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some name starting with {@code prefix} could be reserved: the prefix starts with a
   * reserved prefix or is the start of one ({@code "j"} could be {@code "jp-…"}).
   */
  static boolean mayStartReserved(String prefix) {
    String lower = CodePoints.lower(prefix);
    for (String p : PREFIXES) {
      if (lower.startsWith(p) || p.startsWith(lower)) {
        return true;
      }
    }
    return false;
  }
}
