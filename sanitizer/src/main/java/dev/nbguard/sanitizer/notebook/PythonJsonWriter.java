package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Serializes a JSON tree as Python's {@code json.dumps} does with {@code ensure_ascii=False}:
 * either nbformat's pretty form ({@code indent=1, sort_keys=True, separators=(",", ": ")}) or a
 * compact one-line form ({@code separators=(",", ":")}, keys in their order).
 */
final class PythonJsonWriter {
  private final Appendable out;
  private final boolean pretty;

  PythonJsonWriter(Appendable out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  void value(JsonNode node, int depth) {
    try {
      write(node, depth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(JsonNode node, int depth) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> object(node, depth);
      case ARRAY -> array(node, depth);
      case STRING -> string(node.textValue());
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON");
    }
  }

  private void object(JsonNode node, int depth) throws IOException {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
    if (entries.isEmpty()) {
      out.append("{}");
      return;
    }
    if (pretty) {
      entries.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : entries) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(depth + 1);
      string(e.getKey());
      out.append(pretty ? ": " : ":");
      write(e.getValue(), depth + 1);
    }
    newline(depth);
    out.append('}');
  }

  private void array(JsonNode node, int depth) throws IOException {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    Iterator<JsonNode> it = node.elements();
    boolean first = true;
    while (it.hasNext()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(depth + 1);
      write(it.next(), depth + 1);
    }
    newline(depth);
    out.append(']');
  }

  private void newline(int depth) throws IOException {
    if (pretty) {
      out.append('\n');
      for (int i = 0; i < depth; i++) {
        out.append(' ');
      }
    }
  }

  /** Python's order for {@code sort_keys}: by code point, not by UTF-16 unit. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private void string(String s) throws IOException {
    out.append('"');
    int runStart = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc = escape(s, i, c);
      if (esc != null) {
        out.append(s, runStart, i).append(esc);
        runStart = i + 1;
      }
    }
    out.append(s, runStart, s.length()).append('"');
  }

  private static String escape(String s, int i, char c) {
    switch (c) {
      case '"': return "\\\"";
      case '\\': return "\\\\";
      case '\n': return "\\n";
      case '\r': return "\\r";
      case '\t': return "\\t";
      case '\b': return "\\b";
      case '\f': return "\\f";
      default:
        if (c < 0x20) {
          return String.format("\\u%04x", (int) c);
        }
        if (Character.isSurrogate(c) && !pairedSurrogate(s, i, c)) {
          // Python would fail to encode a lone surrogate; keep it as an escape instead of '?'.
          return String.format("\\u%04x", (int) c);
        }
        return null;
    }
  }

  private static boolean pairedSurrogate(String s, int i, char c) {
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String number(JsonNode n) {
    if (n instanceof NotebookJson.RawFloatNode raw) {
      return raw.text();
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isBigDecimal()) {
      return PythonFloats.repr(n.decimalValue());
    }
    return PythonFloats.repr(n.doubleValue());
  }
}
