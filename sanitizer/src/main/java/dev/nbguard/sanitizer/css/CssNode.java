package dev.nbguard.sanitizer.css;

import java.util.List;

/** A component value (CSS Syntax Level 3 §5): a preserved token, a simple block or a function. */
sealed interface CssNode {
  /** A token that is not a block opener or function. */
  record Tok(CssToken token) implements CssNode {}

  /**
   * A simple block.
   *
   * @param open the opening token type: {@code LEFT_PAREN}, {@code LEFT_SQUARE} or {@code
   *     LEFT_CURLY}
   */
  record Block(CssToken.Type open, List<CssNode> content) implements CssNode {}

  /** A function and its arguments; {@code name} is decoded, case as written. */
  record Func(String name, List<CssNode> args) implements CssNode {}

  /** True for a preserved token of type {@code t}. */
  default boolean is(CssToken.Type t) {
    return this instanceof Tok tok && tok.token().is(t);
  }

  default boolean isDelim(char c) {
    return this instanceof Tok tok && tok.token().isDelim(c);
  }

  default boolean isWhitespace() {
    return is(CssToken.Type.WHITESPACE);
  }

  /** A top-level rule of a stylesheet or of a grouping rule's block. */
  sealed interface Rule {}

  /** {@code @name prelude;} or {@code @name prelude { … }}; {@code block} empty for the former. */
  record AtRule(String name, List<CssNode> prelude, java.util.Optional<Block> block)
      implements Rule {}

  /** {@code prelude { … }}: a style rule (or a keyframe). */
  record QualifiedRule(List<CssNode> prelude, Block block) implements Rule {}

  /** A qualified rule cut off by the end of input before its block: never kept. */
  record Broken(List<CssNode> nodes) implements Rule {}
}
