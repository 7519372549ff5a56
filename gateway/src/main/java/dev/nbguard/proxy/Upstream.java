package dev.nbguard.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The Jupyter server behind the proxy: scheme, host and port of an {@code http://} or
 * {@code https://} URL. Paths are forwarded unchanged, so the URL has no path of its own (a
 * Jupyter {@code base_url} is simply part of every request path).
 */
public record Upstream(boolean ssl, String host, int port) {

  public Upstream {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("upstream host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("upstream port out of range: " + port);
    }
  }

  /**
   * Parses {@code http://HOST:PORT} (optionally with a trailing {@code /}).
   *
   * @throws IllegalArgumentException with a message naming what is wrong
   */
  public static Upstream parse(String url) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(url, "url").trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("upstream is not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "upstream must be an http:// or https:// URL, e.g. http://127.0.0.1:8888: " + url);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("upstream URL has no host: " + url);
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "upstream URL must not carry user info, a query or a fragment: " + url);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/")) {
      throw new IllegalArgumentException("upstream URL must not have a path (request paths,"
          + " base_url included, are forwarded unchanged): " + url);
    }
    boolean ssl = scheme.equals("https");
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Upstream(ssl, host, port);
  }

  /** {@code http://host:port}, as the upstream would write it in an absolute URL. */
  public String origin() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return (ssl ? "https://" : "http://") + h + ":" + port;
  }

  @Override
  public String toString() {
    return origin();
  }
}
