package dev.nbguard.sanitizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * nbformat's multi-line strings (output values, cell sources): one string, or a list of strings,
 * each line keeping its newline.
 */
public final class MultilineText {
  private MultilineText() {}

  /** The list's lines joined, or empty when one of them is not a string. */
  public static Optional<String> joined(JsonNode lines) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode line : lines) {
      if (!line.isTextual()) {
        return Optional.empty();
      }
      sb.append(line.textValue());
    }
    return Optional.of(sb.toString());
  }

  /** nbformat's list form: split after each newline, keeping it. */
  public static ArrayNode split(String text) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }
}
