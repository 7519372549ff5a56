package dev.nbguard.sanitizer.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.sanitizer.OutputPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a case's widget model state through {@code policy.widgets().sanitizeModel(module, name,
 * state)} and checks the HTML-bearing fields of what comes back.
 *
 * <p>TODO(corpus): {@code WidgetStateSanitizer.sanitizeModel} did not exist in main when this was
 * written, so it is looked up by reflection; replace with a direct call once it lands. While it
 * is missing, widget cases are reported as skipped (assumption), never as passed.
 */
final class WidgetReplay {
  private WidgetReplay() {}

  static Optional<Method> sanitizeModel(OutputPolicy policy) {
    for (Method m : policy.widgets().getClass().getMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (m.getName().equals("sanitizeModel") && p.length == 3 && p[0] == String.class
          && p[1] == String.class && JsonNode.class.isAssignableFrom(p[2])) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Problems in the sanitized state; empty = safe (or the model was dropped). */
  static List<String> check(OutputPolicy policy, Method method, JsonNode widget) throws Exception {
    String module = widget.path("model_module").asText("");
    String name = widget.path("model_name").asText("");
    Object result;
    try {
      result = method.invoke(policy.widgets(), module, name, widget.path("state"));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
    Optional<JsonNode> state = unwrap(result);
    List<String> problems = new ArrayList<>();
    state.ifPresent(s -> checkState(name, s, problems));
    return problems;
  }

  private static Optional<JsonNode> unwrap(Object result) throws Exception {
    if (result == null) {
      return Optional.empty();
    }
    if (result instanceof Optional<?> o) {
      return o.isPresent() ? unwrap(o.get()) : Optional.empty();
    }
    if (result instanceof JsonNode n) {
      return n.isNull() || n.isMissingNode() ? Optional.empty() : Optional.of(n);
    }
    for (String accessor : List.of("state", "value", "model")) {
      try {
        Method m = result.getClass().getMethod(accessor);
        return unwrap(m.invoke(result));
      } catch (NoSuchMethodException ignored) {
        // try the next accessor
      }
    }
    throw new IllegalStateException("cannot read a widget state out of " + result.getClass());
  }

  private static void checkState(String modelName, JsonNode s, List<String> problems) {
    if (s.path("value").isTextual() && modelName.startsWith("HTML")) {
      ExecutableContentCheck.html(s.get("value").textValue()).forEach(p -> problems.add("value: " + p));
    }
    if (s.path("description").isTextual() && s.path("description_allow_html").asBoolean(false)) {
      ExecutableContentCheck.html(s.get("description").textValue()).forEach(p -> problems.add("description: " + p));
    }
    JsonNode outputs = s.path("outputs");
    for (int i = 0; i < outputs.size(); i++) {
      int k = i;
      BundleCheck.check(outputs.get(i)).forEach(p -> problems.add("outputs[" + k + "]: " + p));
    }
    for (String code : List.of("_model_module", "_view_module")) {
      String m = s.path(code).asText("");
      if (!m.isEmpty() && !m.startsWith("@jupyter-widgets/")) {
        problems.add(code + " '" + m + "' outside the widget module allowlist was kept");
      }
    }
  }
}
