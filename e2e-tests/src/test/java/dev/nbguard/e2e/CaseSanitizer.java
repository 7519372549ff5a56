package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.OutputPolicy;
import java.util.Optional;

/**
 * Turns corpus cases into harness cases, raw or sanitized in-process with an {@link OutputPolicy}:
 * the bundle through {@code policy.sanitize}, a widget's model state through
 * {@code policy.widgets().sanitizeModel(module, name, state)}.
 */
public final class CaseSanitizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final OutputPolicy policy;

  public CaseSanitizer(OutputPolicy policy) {
    this.policy = policy;
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
   * The case after the policy. A widget whose state the policy drops is left out: the view then
   * finds no model, as in JupyterLab when the gateway never forwarded the model.
   */
  public ObjectNode sanitized(CorpusCase c) {
    ObjectNode out = JSON.objectNode();
    out.put("id", c.id());
    out.set("bundle", policy.sanitize(c.bundle()).bundle());
    c.widget().flatMap(this::sanitizedWidget).ifPresent(w -> out.set("widget", w));
    return out;
  }

  private Optional<ObjectNode> sanitizedWidget(ObjectNode widget) {
    JsonNode state = widget.path("state");
    if (!state.isObject()) {
      return Optional.empty();
    }
    Optional<ObjectNode> kept = policy.widgets()
        .sanitizeModel(widget.path("model_module").asText(""), widget.path("model_name").asText(""),
            ((ObjectNode) state).deepCopy())
        .state();
    return kept.map(s -> {
      ObjectNode w = widget.deepCopy();
      w.set("state", s);
      return w;
    });
  }
}
