package dev.nbguard.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Environment variables a client asked to pass to a kernel ({@code env} of
 * {@code POST /api/kernels}): only {@code KERNEL_*} names of {@code [A-Z0-9_]}, string values
 * without control characters. Other names are ignored, as Kernel Gateway ignores them: Jupyter
 * Server 1.x sends its whole environment with every kernel start from a notebook session, and
 * none of it may reach the kernel. Immutable.
 */
public final class KernelEnv {

  /** No variables. */
  public static final KernelEnv EMPTY = new KernelEnv(Map.of(), List.of());

  private static final Pattern KEY = Pattern.compile("KERNEL_[A-Z0-9_]+");
  private static final int MAX_VALUE_LENGTH = 32 * 1024;
  private static final int MAX_ENTRIES = 256;

  private static final String PREFIX = "KERNEL_";

  private final Map<String, String> vars;
  private final List<String> ignored;

  private KernelEnv(Map<String, String> vars, List<String> ignored) {
    this.vars = vars;
    this.ignored = ignored;
  }

  /**
   * Checks and copies the {@code KERNEL_*} entries of {@code vars}; other names are ignored
   * (see {@link #ignored()}).
   *
   * @throws IllegalArgumentException naming the first bad {@code KERNEL_*} key or value
   */
  public static KernelEnv of(Map<String, String> vars) {
    Objects.requireNonNull(vars, "vars");
    Map<String, String> copy = new TreeMap<>();
    List<String> ignored = new ArrayList<>();
    for (Map.Entry<String, String> e : vars.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (key != null && !key.startsWith(PREFIX)) {
        ignored.add(key);
        continue;
      }
      if (key == null || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("kernel environment variable name '" + printable(key)
            + "' is not allowed: names must match KERNEL_[A-Z0-9_]+");
      }
      if (value == null) {
        throw new IllegalArgumentException("kernel environment variable " + key
            + " must have a string value");
      }
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException("kernel environment variable " + key
            + " is longer than " + MAX_VALUE_LENGTH + " characters");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
          throw new IllegalArgumentException("kernel environment variable " + key
              + " contains a control character at index " + i);
        }
      }
      copy.put(key, value);
    }
    if (copy.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "too many kernel environment variables: " + copy.size() + " > " + MAX_ENTRIES);
    }
    Collections.sort(ignored);
    return new KernelEnv(Map.copyOf(copy), List.copyOf(ignored));
  }

  /** The variables (unmodifiable). */
  public Map<String, String> asMap() {
    return vars;
  }

  /** The names that were asked for but do not start with {@code KERNEL_} (sorted). */
  public List<String> ignored() {
    return ignored;
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KernelEnv k && vars.equals(k.vars);
  }

  @Override
  public int hashCode() {
    return vars.hashCode();
  }

  @Override
  public String toString() {
    return "KernelEnv" + vars.keySet(); // values may be secrets: names only
  }
}
