package dev.nbguard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.filter.KernelFilterState.Comm;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.widget.ModelNames;
import dev.nbguard.sanitizer.widget.SanitizedWidget;
import dev.nbguard.sanitizer.widget.WidgetStateSanitizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ipywidgets 8's control comm ({@code jupyter.widget.control}, opened by the frontend): the
 * kernel answers {@code request_states} with {@code {method: update_states, states: {model_id:
 * {model_module, model_name, state}}, buffer_paths: [[model_id, "state", field…]]}}, the full
 * state of every widget. Each model is sanitized like a {@code comm_open}; disallowed ones are
 * removed (with their buffers) and remembered as blocked; the rest are remembered so that later
 * updates on their comms (the frontend uses the model id as comm id) are sanitized by name.
 */
final class ControlCommStates {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String MIME = WidgetStateSanitizer.MIME_TYPE;

  private final WidgetStateSanitizer widgets;

  ControlCommStates(WidgetStateSanitizer widgets) {
    this.widgets = widgets;
  }

  Outcome updateStates(KernelFilterState kernel, ObjectNode content, ObjectNode data,
      int bufferCount) {
    List<Finding> findings = new ArrayList<>();
    ObjectNode states = JSON.objectNode();
    JsonNode all = data.get("states");
    ModelNames models = id -> all.path(id).path("model_name").isTextual()
        ? Optional.of(all.path(id).path("model_name").textValue()) : kernel.modelNames().nameOf(id);
    Iterator<Map.Entry<String, JsonNode>> it = all.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode entry = e.getValue();
      String module = entry.path("model_module").asText(null);
      String name = entry.path("model_name").asText(null);
      if (!entry.isObject() || !entry.path("state").isObject()) {
        findings.add(new Finding(MIME, Action.DROP, "widget.state.model.invalid", e.getKey()));
        continue;
      }
      Optional<ObjectNode> s = sanitize(module, name, (ObjectNode) entry.get("state"), models, findings);
      if (s.isEmpty()) {
        kernel.remember(e.getKey(), new Comm(MessageFilter.WIDGET_TARGET, "", "", true));
        continue;
      }
      kernel.remember(e.getKey(), new Comm(MessageFilter.WIDGET_TARGET, module, name, false));
      ObjectNode copy = ((ObjectNode) entry).deepCopy();
      copy.set("state", s.get());
      states.set(e.getKey(), copy);
    }
    JsonNode paths = data.path("buffer_paths");
    List<Integer> keep = new ArrayList<>();
    ArrayNode keptPaths = JSON.arrayNode();
    if (paths.isMissingNode() ? bufferCount != 0 : !paths.isArray() || paths.size() != bufferCount) {
      return Outcome.drop(List.of(
          new Finding(MIME, Action.DROP, "widget.buffers.mismatch", paths.toString())));
    }
    for (int i = 0; i < paths.size(); i++) {
      JsonNode path = paths.get(i);
      JsonNode model = states.path(path.path(0).asText(""));
      ArrayNode rest = JSON.arrayNode();
      for (int j = 2; j < path.size(); j++) {
        rest.add(path.get(j));
      }
      if (path.isArray() && model.isObject() && "state".equals(path.path(1).asText(null))
          && widgets.allowsBufferPath(model.path("model_name").asText(""), rest)) {
        keep.add(i);
        keptPaths.add(path);
      } else {
        findings.add(new Finding(MIME, Action.DROP, "widget.buffer-path.not-allowed",
            path.toString()));
      }
    }
    ObjectNode newData = data.deepCopy();
    newData.set("states", states);
    if (!paths.isMissingNode()) {
      newData.set("buffer_paths", keptPaths);
    }
    if (findings.isEmpty() && newData.equals(data)) {
      return Outcome.UNCHANGED;
    }
    ObjectNode out = content.deepCopy();
    out.set("data", newData);
    return Outcome.rewritten(out, keep, findings);
  }

  private Optional<ObjectNode> sanitize(String module, String name, ObjectNode state,
      ModelNames models, List<Finding> findings) {
    SanitizedWidget w = widgets.sanitizeModel(module, name, state, models);
    findings.addAll(w.findings());
    return w.state();
  }
}
