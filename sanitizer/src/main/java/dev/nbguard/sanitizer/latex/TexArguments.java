package dev.nbguard.sanitizer.latex;

import java.util.OptionalInt;

/**
 * Reads TeX macro arguments exactly as MathJax 3's {@code TexParser.GetArgument} does: skip
 * whitespace, then a brace group where a backslash escapes the next character. Anything else (a
 * single-token argument, a comment, a missing brace) is reported as "not a clean argument", and
 * the caller then removes the macro instead of guessing.
 */
final class TexArguments {
  /** Arguments longer than this are not read: the macro is removed instead (bounded work). */
  static final int MAX_ARGUMENT = 4096;

  private TexArguments() {}

  /** Index of the first non-whitespace character at or after {@code i}. */
  static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index just after the brace group that starts at {@code open}, or empty. */
  static OptionalInt braceGroupEnd(String s, int open) {
    if (open >= s.length() || s.charAt(open) != '{') {
      return OptionalInt.empty();
    }
    int depth = 0;
    int limit = (int) Math.min(s.length(), (long) open + MAX_ARGUMENT);
    for (int i = open; i < limit; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return OptionalInt.of(i + 1);
      }
    }
    return OptionalInt.empty();
  }

  /** The index just after the {@code [...]} option that starts at {@code open}, or empty. */
  static OptionalInt bracketEnd(String s, int open) {
    if (open >= s.length() || s.charAt(open) != '[') {
      return OptionalInt.empty();
    }
    int depth = 0;
    int limit = (int) Math.min(s.length(), (long) open + MAX_ARGUMENT);
    for (int i = open + 1; i < limit; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == ']' && depth == 0) {
        return OptionalInt.of(i + 1);
      }
    }
    return OptionalInt.empty();
  }

  /** JavaScript's {@code \s}: what MathJax skips before an argument. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
