package dev.nbguard.sanitizer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a URL found in output may stay. Callers pass the value as the browser will see
 * it after entity decoding (jsoup and the OWASP sanitizer hand over decoded attribute values);
 * this class then normalises it the way the URL parser does (drops tab and newline anywhere, trims
 * C0 controls and spaces) before reading the scheme, so {@code "jav&#x09;ascript:"} and
 * {@code " JAVASCRIPT:"} are both seen as {@code javascript}.
 *
 * <p>Relative URLs (no scheme) are allowed: they resolve against the Jupyter page and at worst
 * open a file. {@code data:} is allowed only where it cannot run script: images and media.
 */
public final class UrlPolicy {
  /** Where the URL is used; decides whether {@code data:} URLs are acceptable. */
  public enum Context {
    /** {@code a[href]}, {@code area[href]}, Markdown links: navigations. */
    LINK,
    /** {@code img[src]}, {@code srcset}, CSS backgrounds, SVG {@code image}: rendered as images. */
    IMAGE,
    /** {@code audio}/{@code video}/{@code source} sources. */
    MEDIA,
    /** Anything else (forms, frames, objects, {@code cite}): only the allowed schemes. */
    OTHER
  }

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*):");
  private static final Pattern DATA_IMAGE =
      Pattern.compile(
          "^data:image/(png|jpeg|jpg|gif|webp|bmp|svg\\+xml)([;,])", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATA_MEDIA =
      Pattern.compile("^data:(audio|video)/[a-z0-9.+-]+([;,])", Pattern.CASE_INSENSITIVE);

  private final Set<String> schemes;

  public UrlPolicy(Set<String> allowedSchemes) {
    this.schemes = Set.copyOf(allowedSchemes);
  }

  /** Whether {@code url} may stay in an attribute or link used as {@code context}. */
  public boolean allows(String url, Context context) {
    String normalized = normalize(url);
    Optional<String> scheme = schemeOf(normalized);
    if (scheme.isEmpty()) {
      return true;
    }
    String s = scheme.get();
    if (s.equals("data")) {
      return switch (context) {
        case IMAGE -> DATA_IMAGE.matcher(normalized).find();
        case MEDIA -> DATA_MEDIA.matcher(normalized).find();
        default -> false;
      };
    }
    return schemes.contains(s);
  }

  /** The scheme the browser would read, lower-cased; empty for a relative URL. */
  public static Optional<String> schemeOf(String url) {
    var m = SCHEME.matcher(normalize(url));
    return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** As the WHATWG URL parser: strip leading/trailing C0 controls and spaces, drop tab/CR/LF. */
  public static String normalize(String url) {
    int start = 0;
    int end = url.length();
    while (start < end && url.charAt(start) <= 0x20) {
      start++;
    }
    while (end > start && url.charAt(end - 1) <= 0x20) {
      end--;
    }
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = url.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
