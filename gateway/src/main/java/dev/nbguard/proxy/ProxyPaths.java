package dev.nbguard.proxy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request paths the proxy treats specially, under any {@code base_url} prefix: kernel
 * channels, notebook contents, and nbconvert output.
 */
final class ProxyPaths {

  private static final Pattern CHANNELS =
      Pattern.compile("^(?:/.*)?/api/kernels/([^/]+)/channels/?$");
  private static final Pattern CONTENTS = Pattern.compile("^(?:/.*)?/api/contents(?:/.*)?$");
  private static final Pattern KERNEL_RESET =
      Pattern.compile("^(?:/.*)?/api/kernels/([^/]+)(?:/restart)?/?$");
  private static final Pattern NBCONVERT = Pattern.compile("^(?:/.*)?/nbconvert/.*$");

  private ProxyPaths() {}

  /** The kernel id when {@code path} is a kernel's channels WebSocket. */
  static Optional<String> channelsKernel(String path) {
    Matcher m = CHANNELS.matcher(path);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** True for the contents API (files, notebooks, directories, checkpoints). */
  static boolean isContents(String path) {
    return CONTENTS.matcher(path).matches();
  }

  /**
   * The kernel id when {@code path} is {@code DELETE /api/kernels/{id}} or
   * {@code POST /api/kernels/{id}/restart}: the filter's memory of its comms is then stale.
   */
  static Optional<String> kernelReset(String method, String path) {
    if (!"DELETE".equals(method) && !"POST".equals(method)) {
      return Optional.empty();
    }
    Matcher m = KERNEL_RESET.matcher(path);
    if (!m.matches() || (method.equals("POST") && !path.contains("/restart"))) {
      return Optional.empty();
    }
    return Optional.of(m.group(1));
  }

  /**
   * True for nbconvert output ({@code /nbconvert/html/…}): a notebook rendered as a whole page
   * with its stored outputs raw, served on the Jupyter origin.
   */
  static boolean isNbconvert(String path) {
    return NBCONVERT.matcher(path).matches();
  }
}
