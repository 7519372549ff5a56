package dev.nbguard.sanitizer.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.OutputPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a case's widget model state through {@code policy.widgets().sanitizeModel(module, name,
 * state)} and checks the HTML-bearing fields of what comes back (what the ipywidgets views put
 * into the DOM: HTML/HTMLMath {@code value}, {@code description} with {@code
 * description_allow_html}, Output-widget {@code outputs}), and that a module outside
 * {@code @jupyter-widgets/*} did not survive.
 */
final class WidgetReplay {
  private WidgetReplay() {}

  /** Problems in the sanitized state; empty = safe (or the model was dropped). */
  static List<String> check(OutputPolicy policy, JsonNode widget) {
    String module = widget.path("model_module").asText("");
    String name = widget.path("model_name").asText("");
    if (!(widget.path("state") instanceof ObjectNode state)) {
      throw new IllegalArgumentException("widget.state must be an object");
    }
    List<String> problems = new ArrayList<>();
    policy.widgets().sanitizeModel(module, name, state.deepCopy()).state()
        .ifPresent(s -> checkState(name, s, problems));
    return problems;
  }

  private static void checkState(String modelName, JsonNode s, List<String> problems) {
    if (s.path("value").isTextual() && modelName.startsWith("HTML")) {
      ExecutableContentCheck.html(s.get("value").textValue()).forEach(p -> problems.add("value: " + p));
      BundleCheck.latexProblems("value", s.get("value").textValue()).forEach(problems::add);
    }
    if (s.path("description").isTextual() && s.path("description_allow_html").asBoolean(false)) {
      ExecutableContentCheck.html(s.get("description").textValue()).forEach(p -> problems.add("description: " + p));
    }
    JsonNode outputs = s.path("outputs");
    for (int i = 0; i < outputs.size(); i++) {
      int k = i;
      BundleCheck.check(outputs.get(i)).forEach(p -> problems.add("outputs[" + k + "]: " + p));
    }
    for (String field : List.of("_model_module", "_view_module")) {
      String m = s.path(field).asText("");
      if (!m.isEmpty() && !m.startsWith("@jupyter-widgets/")) {
        problems.add(field + " '" + m + "' outside the widget module allowlist was kept");
      }
    }
  }
}
