package dev.nbguard.sanitizer.css;

import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.css.CssNode.Block;
import dev.nbguard.sanitizer.css.CssNode.Func;
import dev.nbguard.sanitizer.css.CssNode.Tok;
import dev.nbguard.sanitizer.css.CssToken.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks a declaration's value, token by token, on the decoded form. Keeps keywords, colours,
 * numbers, strings and an allowlist of functions (colours, math, gradients, transforms, grid,
 * shapes); {@code var(--x)}; refuses every other function ({@code expression}, {@code attr}, {@code
 * env}, {@code image-set}, …) and every {@code url()} except a same-document {@code url(#id)} and
 * a base64 {@code data:} raster image.
 */
final class ValueFilter {
  static final Set<String> FUNCTIONS =
      Set.of(
          "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
          "color-mix", "calc", "min", "max", "clamp", "linear-gradient", "radial-gradient",
          "conic-gradient", "repeating-linear-gradient", "repeating-radial-gradient",
          "repeating-conic-gradient", "translate", "translatex", "translatey", "translatez",
          "translate3d", "rotate", "rotatex", "rotatey", "rotatez", "rotate3d", "scale", "scalex",
          "scaley", "scalez", "scale3d", "skew", "skewx", "skewy", "matrix", "matrix3d",
          "perspective", "repeat", "minmax", "fit-content", "cubic-bezier", "steps", "rect",
          "inset", "circle", "ellipse", "polygon");

  private static final Set<String> IMAGE_FUNCTIONS =
      Set.of(
          "image", "image-set", "-webkit-image-set", "src", "element", "-moz-element",
          "cross-fade", "-webkit-cross-fade", "paint");

  private final DataImage images;

  ValueFilter(UrlPolicy urls) {
    this.images = new DataImage(urls);
  }

  /**
   * The value with each {@code url(#id)} passed through {@code fragments}, or {@link Rejected}.
   */
  List<CssNode> check(List<CssNode> value, UnaryOperator<String> fragments) throws Rejected {
    List<CssNode> out = new ArrayList<>(value.size());
    for (CssNode n : value) {
      out.add(node(n, fragments));
    }
    return out;
  }

  private CssNode node(CssNode n, UnaryOperator<String> fragments) throws Rejected {
    if (n instanceof Block b) {
      if (b.open() == Type.LEFT_CURLY) {
        throw new Rejected("css.value.invalid");
      }
      return new Block(b.open(), check(b.content(), fragments));
    }
    if (n instanceof Func f) {
      return function(f, fragments);
    }
    CssToken t = ((Tok) n).token();
    switch (t.type()) {
      case HASH, NUMBER, PERCENTAGE, DIMENSION, WHITESPACE, COMMA:
        return n;
      case IDENT, STRING:
        if (mentionsScript(t.value())) {
          throw new Rejected("css.value.javascript");
        }
        return n;
      case DELIM:
        if (t.isDelim('/') || t.isDelim('+') || t.isDelim('-') || t.isDelim('*')) {
          return n;
        }
        throw new Rejected("css.value.invalid");
      case URL:
        return url(t.value(), fragments);
      case BAD_URL, BAD_STRING:
        throw new Rejected("css.parse-error");
      default:
        throw new Rejected("css.value.invalid");
    }
  }

  private CssNode function(Func f, UnaryOperator<String> fragments) throws Rejected {
    String name = CodePoints.lower(f.name());
    switch (name) {
      case "url":
        List<CssNode> args = CssWriter.trim(f.args());
        if (args.size() != 1 || !args.get(0).is(Type.STRING)) {
          throw new Rejected("css.parse-error");
        }
        return url(((Tok) args.get(0)).token().value(), fragments);
      case "expression":
        throw new Rejected("css.value.expression");
      case "var":
        return variable(f, fragments);
      case "env", "attr":
        throw new Rejected("css.value." + name);
      default:
        if (IMAGE_FUNCTIONS.contains(name)) {
          throw new Rejected("css.url.function");
        }
        if (!FUNCTIONS.contains(name)) {
          throw new Rejected("css.value.function");
        }
        return new Func(name, check(f.args(), fragments));
    }
  }

  /**
   * {@code var(--name)} or {@code var(--name, fallback)}: a custom property of the output's own
   * (its value was checked like any other) or of the page's theme; the fallback is checked here.
   */
  private CssNode variable(Func f, UnaryOperator<String> fragments) throws Rejected {
    List<CssNode> args = CssWriter.trim(f.args());
    if (args.isEmpty() || !(args.get(0) instanceof Tok t) || !t.token().is(Type.IDENT)
        || !t.token().value().startsWith("--")) {
      throw new Rejected("css.value.var");
    }
    if (args.size() > 1 && !args.get(1).is(Type.COMMA)) {
      throw new Rejected("css.value.var");
    }
    return new Func("var", check(f.args(), fragments));
  }

  /** A kept URL is always written as {@code url("…")}. */
  private CssNode url(String raw, UnaryOperator<String> fragments) throws Rejected {
    String url = UrlPolicy.normalize(raw);
    if (url.length() > 1 && url.charAt(0) == '#') {
      return urlNode("#" + fragments.apply(url.substring(1)));
    }
    String scheme = UrlPolicy.schemeOf(url).orElse("");
    if (scheme.equals("data")) {
      if (!images.allows(url)) {
        throw new Rejected("css.url.data");
      }
      return urlNode(url);
    }
    if (scheme.equals("javascript") || scheme.equals("vbscript") || scheme.equals("livescript")) {
      throw new Rejected("css.url.script");
    }
    throw new Rejected("css.url.remote");
  }

  private static CssNode urlNode(String url) {
    return new Func("url", List.of(new Tok(CssToken.of(Type.STRING, url))));
  }

  /**
   * {@code javascript:} or {@code vbscript:} anywhere in a string or (escaped) keyword, ignoring
   * case, spaces and controls: harmless outside {@code url()}, refused all the same.
   */
  static boolean mentionsScript(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c > 0x20 && c != 0x7F)
        .forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
    String s = sb.toString();
    return s.contains("javascript:") || s.contains("vbscript:");
  }
}
