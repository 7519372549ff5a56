package dev.nbguard.sanitizer.widget;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The {@code buffers} of a stored widget model: {@code [{"encoding": "base64", "path": [...],
 * "data": "..."}]}. Binary fields (an Image widget's bytes) that the widget manager puts back into
 * the state; only their shape is checked.
 */
final class WidgetBuffers {
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]*");

  private WidgetBuffers() {}

  /** Fields a buffer may not replace: what the policy sanitizes or what picks the code to run. */
  private static final java.util.Set<String> PROTECTED =
      java.util.Set.of("description", "placeholder", "tooltip", "description_tooltip", "outputs",
          "_options_labels", "_titles", "titles", "tooltips", "icon", "button_style", "bar_style",
          "box_style");

  /**
   * Whether a binary buffer may be put at {@code path} of a {@code modelName} state: not over a
   * field the policy sanitizes, nor over one that picks the code to run ({@code _…}).
   */
  static boolean pathAllowed(String modelName, JsonNode path) {
    JsonNode first = path.path(0);
    if (!path.isArray() || !first.isTextual() || first.textValue().startsWith("_")
        || PROTECTED.contains(first.textValue())) {
      return false;
    }
    return !(first.textValue().equals("value")
        && (modelName.startsWith("HTML") || modelName.equals("LabelModel")));
  }

  static boolean valid(JsonNode buffers, String modelName) {
    if (!buffers.isArray()) {
      return false;
    }
    for (JsonNode b : buffers) {
      if (!b.isObject() || !"base64".equals(b.path("encoding").asText(null))
          || !b.path("path").isArray() || !b.path("data").isTextual()
          || !BASE64.matcher(b.path("data").textValue()).matches() || b.size() != 3) {
        return false;
      }
      if (!pathAllowed(modelName, b.path("path"))) {
        return false;
      }
      for (JsonNode p : b.path("path")) {
        if (!p.isTextual() && !p.isIntegralNumber()) {
          return false;
        }
      }
    }
    return true;
  }
}
