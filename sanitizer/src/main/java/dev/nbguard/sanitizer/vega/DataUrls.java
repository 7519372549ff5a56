package dev.nbguard.sanitizer.vega;

import dev.nbguard.sanitizer.UrlPolicy;
import java.net.IDN;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs a chart may load data from. vega's loader fetches with the user's cookies when the
 * URL is on the page's own origin, so a chart must not name the Jupyter server: relative URLs,
 * loopback, private and link-local addresses, single-label intranet names. The host is read the
 * way a browser's URL parser reads it (WHATWG URL: percent-decoding, IDNA mapping of full-width
 * digits, circled digits and ideographic full stops, IPv4 in decimal, octal, hex and short
 * forms), so no spelling of {@code 127.0.0.1} gets past. Immutable, static only.
 */
final class DataUrls {
  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

  private DataUrls() {}

  /** A {@code data:} URL, or absolute http(s) to a public host name or public IPv4 address. */
  static boolean allowed(String url) {
    String u = UrlPolicy.normalize(url).replace('\\', '/');
    Optional<String> scheme = UrlPolicy.schemeOf(u);
    if (scheme.isPresent() && scheme.get().equals("data")) {
      return true;
    }
    if (scheme.isEmpty() || !(scheme.get().equals("http") || scheme.get().equals("https"))) {
      return false;
    }
    String rest = u.substring(scheme.get().length() + 1);
    while (rest.startsWith("/")) {
      rest = rest.substring(1); // browsers accept http:/x and http:///x for http://x
    }
    String authority = rest.split("[/?#]", 2)[0];
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      return false; // IPv6 literals: too many spellings of loopback to list
    }
    int colon = host.indexOf(':');
    return browserHost(colon < 0 ? host : host.substring(0, colon)).map(DataUrls::isPublic)
        .orElse(false);
  }

  /** The host as a browser's URL parser leaves it, or empty when it would refuse it. */
  static Optional<String> browserHost(String raw) {
    try {
      String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      String ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      while (ascii.endsWith(".")) {
        ascii = ascii.substring(0, ascii.length() - 1);
      }
      return ascii.isEmpty() ? Optional.empty() : Optional.of(ascii);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isPublic(String host) {
    String[] labels = host.split("\\.", -1);
    String last = labels[labels.length - 1];
    if (NUMBER.matcher(last).matches()) {
      return ipv4(labels).map(DataUrls::isPublicAddress).orElse(false);
    }
    return HOST_NAME.matcher(host).matches() && !host.equals("localhost")
        && !host.endsWith(".localhost");
  }

  /** WHATWG's IPv4 parser: up to four parts, each decimal, {@code 0x} hex or {@code 0} octal. */
  static Optional<Long> ipv4(String[] parts) {
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] numbers = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (!NUMBER.matcher(p).matches()) {
        return Optional.empty();
      }
      try {
        numbers[i] = p.length() > 1 && (p.charAt(1) == 'x' || p.charAt(1) == 'X')
            ? (p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16))
            : p.length() > 1 && p.charAt(0) == '0' ? Long.parseLong(p.substring(1), 8)
            : Long.parseLong(p);
      } catch (NumberFormatException e) {
        return Optional.empty(); // not octal digits, or too long
      }
    }
    long address = 0;
    for (int i = 0; i < numbers.length - 1; i++) {
      if (numbers[i] > 255) {
        return Optional.empty();
      }
      address = address << 8 | numbers[i];
    }
    int lastBytes = 5 - numbers.length;
    long last = numbers[numbers.length - 1];
    if (last >= 1L << (8 * lastBytes)) {
      return Optional.empty();
    }
    return Optional.of(address << (8 * lastBytes) | last);
  }

  /** Not loopback, "this network", private, link-local, shared, multicast or reserved. */
  private static boolean isPublicAddress(long a) {
    long first = a >>> 24;
    long second = (a >>> 16) & 0xff;
    return !(first == 0 || first == 10 || first == 127 || first >= 224
        || (first == 169 && second == 254) || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 168) || (first == 100 && second >= 64 && second <= 127));
  }
}
