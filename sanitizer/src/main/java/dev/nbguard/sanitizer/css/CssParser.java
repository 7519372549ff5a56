package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.css.CssNode.AtRule;
import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Broken;
import dev.nbguard.sanitizer.css.CssNode.Func;
import dev.nbguard.sanitizer.css.CssNode.QualifiedRule;
import dev.nbguard.sanitizer.css.CssNode.Rule;
import dev.nbguard.sanitizer.css.CssNode.Tok;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parser of CSS Syntax Level 3 §5: tokens to component values, component values to rules.
 * Nesting is bounded by {@link #MAX_DEPTH}, checked before parsing, so the recursion here cannot
 * overflow the stack; deeper input is refused as a whole by the caller.
 */
final class CssParser {
  static final int MAX_DEPTH = 48;

  private final List<CssToken> tokens;
  private int pos;

  private CssParser(List<CssToken> tokens) {
    this.tokens = tokens;
  }

  /** Whether blocks and functions in {@code tokens} nest no deeper than {@link #MAX_DEPTH}. */
  static boolean withinDepth(List<CssToken> tokens) {
    Type[] expected = new Type[MAX_DEPTH];
    int depth = 0;
    for (CssToken t : tokens) {
      Type closer = closerOf(t.type());
      if (closer != null) {
        if (depth == MAX_DEPTH) {
          return false;
        }
        expected[depth++] = closer;
      } else if (depth > 0 && t.type() == expected[depth - 1]) {
        depth--;
      }
    }
    return true;
  }

  static Type closerOf(Type open) {
    return switch (open) {
      case LEFT_PAREN, FUNCTION -> Type.RIGHT_PAREN;
      case LEFT_SQUARE -> Type.RIGHT_SQUARE;
      case LEFT_CURLY -> Type.RIGHT_CURLY;
      default -> null;
    };
  }

  /** §5.3.10: the component values of a token list; call {@link #withinDepth} first. */
  static List<CssNode> componentValues(List<CssToken> tokens) {
    CssParser p = new CssParser(tokens);
    List<CssNode> out = new ArrayList<>();
    while (p.pos < tokens.size()) {
      out.add(p.componentValue());
    }
    return out;
  }

  /**
   * §5.4.1: the rules of a stylesheet or of a grouping rule's block. A qualified rule the input
   * ends before the block of is returned as {@link Broken}.
   */
  static List<Rule> rules(List<CssNode> nodes) {
    List<Rule> out = new ArrayList<>();
    int i = 0;
    while (i < nodes.size()) {
      CssNode n = nodes.get(i);
      if (n.isWhitespace() || n.is(Type.CDO) || n.is(Type.CDC)) {
        i++;
        continue;
      }
      int start = i;
      List<CssNode> prelude = new ArrayList<>();
      if (n.is(Type.AT_KEYWORD)) {
        String name = ((Tok) n).token().value();
        Optional<Block> block = Optional.empty();
        for (i++; i < nodes.size(); i++) {
          CssNode m = nodes.get(i);
          if (m.is(Type.SEMICOLON)) {
            i++;
            break;
          }
          if (m instanceof Block b && b.open() == Type.LEFT_CURLY) {
            block = Optional.of(b);
            i++;
            break;
          }
          prelude.add(m);
        }
        out.add(new AtRule(name, prelude, block));
        continue;
      }
      Rule rule = null;
      for (; i < nodes.size(); i++) {
        CssNode m = nodes.get(i);
        if (m instanceof Block b && b.open() == Type.LEFT_CURLY) {
          rule = new QualifiedRule(prelude, b);
          i++;
          break;
        }
        prelude.add(m);
      }
      out.add(rule != null ? rule : new Broken(List.copyOf(nodes.subList(start, i))));
    }
    return out;
  }

  private CssNode componentValue() {
    CssToken t = tokens.get(pos++);
    return switch (t.type()) {
      case LEFT_CURLY, LEFT_SQUARE, LEFT_PAREN -> new Block(t.type(), until(closerOf(t.type())));
      case FUNCTION -> new Func(t.value(), until(Type.RIGHT_PAREN));
      default -> new Tok(t);
    };
  }

  /** Component values up to and excluding {@code closer} (consumed), or to the end of input. */
  private List<CssNode> until(Type closer) {
    List<CssNode> content = new ArrayList<>();
    while (pos < tokens.size()) {
      if (tokens.get(pos).is(closer)) {
        pos++;
        return content;
      }
      content.add(componentValue());
    }
    return content;
  }
}
