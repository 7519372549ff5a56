package dev.nbguard.sanitizer.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The scope that one output's kept {@code <style>} rules are confined to. Output with a kept
 * stylesheet is wrapped in {@code <div data-nbguard-output="KEY">} (an SVG document's root gets
 * the attribute) and every rule is prefixed with {@code :where([data-nbguard-output="KEY"])}, so
 * its rules style that output and neither the page nor any other output (which could otherwise
 * restyle or, with {@code content}, rewrite the text of another output's table). The key is the
 * first 64 bits of the SHA-256 of the text the output came from: the same input always gives the
 * same output, and no output can be made to carry another's key. {@code :where()} adds no
 * specificity: a scoped rule competes with JupyterLab's own rules as it did unscoped.
 *
 * <p>Output cannot forge a scope: the policy removes {@code data-*} everywhere else and the CSS
 * policy refuses {@code [data-…]} selectors. Our own wrapper is recognised on the way in and
 * removed silently, its key kept, so sanitizing twice gives the same result.
 */
public final class OutputScope {
  public static final String ATTRIBUTE = "data-nbguard-output";
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{16}");

  private OutputScope() {}

  /** The scope key for output that came from {@code text}. */
  public static String keyFor(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The selector that confines a rule to the output carrying {@code key}. */
  public static String selector(String key) {
    return ":where([" + ATTRIBUTE + "=\"" + key + "\"])";
  }

  /** The key an element carries as nbguard's scope, if it carries one. */
  public static Optional<String> keyOf(Element el) {
    String v = el.attr(ATTRIBUTE);
    return KEY.matcher(v).matches() ? Optional.of(v) : Optional.empty();
  }

  /** True for the element nbguard put there: a top-level div or svg carrying a scope key. */
  public static boolean isScopeElement(Element el) {
    Element parent = el.parent();
    String name = el.normalName();
    return (name.equals("div") || name.equals("svg"))
        && keyOf(el).isPresent()
        && (parent == null || parent.parent() == null || parent.parent() instanceof Document
            || parent instanceof Document);
  }

  /** Removes our own wrapper div around a whole fragment, if it is there; its key, if so. */
  static Optional<String> unwrap(Element fragment) {
    if (fragment.childNodeSize() == 1 && fragment.childNode(0) instanceof Element div
        && div.normalName().equals("div") && div.attributesSize() == 1) {
      Optional<String> key = keyOf(div);
      key.ifPresent(k -> div.unwrap());
      return key;
    }
    return Optional.empty();
  }

  /** Moves everything in {@code fragment} into a scope div carrying {@code key}. */
  static void wrap(Element fragment, String key) {
    Element div = new Element("div").attr(ATTRIBUTE, key);
    div.appendChildren(fragment.childNodes());
    fragment.appendChild(div);
  }
}
