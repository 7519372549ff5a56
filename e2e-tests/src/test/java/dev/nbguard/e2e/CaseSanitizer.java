package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.OutputPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Turns corpus cases into harness cases, raw or sanitized in-process with an {@link OutputPolicy}:
 * the bundle through {@code policy.sanitize}, a widget's model state through
 * {@code policy.widgets().sanitizeModel(module, name, state)}.
 *
 * <p>The widget-state API is looked up reflectively: it is being written alongside these tests.
 * When it is absent, {@link #sanitizesWidgets()} is false and widget cases cannot be sanitized.
 */
public final class CaseSanitizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final OutputPolicy policy;
  private final Optional<Method> sanitizeModel;

  public CaseSanitizer(OutputPolicy policy) {
    this.policy = policy;
    this.sanitizeModel = findSanitizeModel(policy);
  }

  private static Optional<Method> findSanitizeModel(OutputPolicy policy) {
    try {
      return Optional.of(policy.widgets().getClass()
          .getMethod("sanitizeModel", String.class, String.class, ObjectNode.class));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  public boolean sanitizesWidgets() {
    return sanitizeModel.isPresent();
  }

  /** The case as the kernel sent it. */
  public static ObjectNode raw(CorpusCase c) {
    ObjectNode out = JSON.objectNode();
    out.put("id", c.id());
    out.set("bundle", c.bundle().deepCopy());
    c.widget().ifPresent(w -> out.set("widget", w.deepCopy()));
    return out;
  }

  /**
   * The case after the policy. A widget whose state the policy drops is left out (the view then
   * finds no model); a widget case without a widget-state API is an error (check first).
   */
  public ObjectNode sanitized(CorpusCase c) {
    ObjectNode out = JSON.objectNode();
    out.put("id", c.id());
    out.set("bundle", policy.sanitize(c.bundle()).bundle());
    if (c.widget().isPresent()) {
      sanitizedWidget(c.widget().get()).ifPresent(w -> out.set("widget", w));
    }
    return out;
  }

  private Optional<ObjectNode> sanitizedWidget(ObjectNode widget) {
    Method method = sanitizeModel.orElseThrow(() ->
        new IllegalStateException("the policy has no widget-state sanitizer (sanitizeModel) yet"));
    JsonNode state = widget.path("state");
    if (!state.isObject()) {
      return Optional.empty();
    }
    Optional<ObjectNode> kept = invoke(method,
        widget.path("model_module").asText(""), widget.path("model_name").asText(""),
        ((ObjectNode) state).deepCopy());
    return kept.map(s -> {
      ObjectNode w = widget.deepCopy();
      w.set("state", s);
      return w;
    });
  }

  @SuppressWarnings("unchecked")
  private Optional<ObjectNode> invoke(Method method, String module, String name, ObjectNode state) {
    try {
      Object result = method.invoke(policy.widgets(), module, name, state);
      Object kept = result.getClass().getMethod("state").invoke(result);
      return (Optional<ObjectNode>) kept;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("sanitizeModel threw: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("sanitizeModel's result has no state(): " + e, e);
    }
  }
}
