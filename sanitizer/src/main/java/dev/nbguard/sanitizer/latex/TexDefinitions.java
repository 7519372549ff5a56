package dev.nbguard.sanitizer.latex;

import java.util.Set;
import java.util.regex.Pattern;

/** Macro definitions in TeX: whether a text has any, and whether they could assemble a name. */
final class TexDefinitions {
  static final Set<String> ASSEMBLY_MACROS = Set.of("csname", "endcsname", "string", "expandafter");
  static final Set<String> DEFINITION_MACROS =
      Set.of("def", "gdef", "edef", "xdef", "let", "futurelet", "global", "newcommand",
          "renewcommand", "providecommand", "DeclareMathOperator", "newenvironment",
          "renewenvironment", "Newextarrow");
  private static final Pattern CONTROL_WORD = Pattern.compile("\\\\([A-Za-z]+)(#?)");

  private TexDefinitions() {}

  /** Whether {@code tex} uses any definition or name-assembly macro. */
  static boolean present(String tex) {
    var m = CONTROL_WORD.matcher(tex);
    while (m.find()) {
      if (DEFINITION_MACROS.contains(m.group(1)) || ASSEMBLY_MACROS.contains(m.group(1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether definitions could assemble a blocked name: a control word that is a proper prefix of
   * one, or a parameter glued to a control word.
   */
  static boolean assemblyRisk(String tex, Set<String> blockedNames) {
    var m = CONTROL_WORD.matcher(tex);
    while (m.find()) {
      if (!m.group(2).isEmpty()) {
        return true;
      }
      String word = m.group(1);
      for (String blocked : blockedNames) {
        if (blocked.length() > word.length() && blocked.startsWith(word)) {
          return true;
        }
      }
    }
    return false;
  }
}
