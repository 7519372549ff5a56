package dev.nbguard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.filter.KernelFilterState.Comm;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.widget.SanitizedWidget;
import dev.nbguard.sanitizer.widget.WidgetStateSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Widget comms from the kernel. Both widget protocols are understood:
 *
 * <ul>
 *   <li>protocol 2 (ipywidgets 7/8): {@code comm_open} {@code data = {state, buffer_paths}};
 *       {@code comm_msg} {@code data = {method: update | echo_update, state, buffer_paths}}, and
 *       the control comm's {@code {method: update_states, states: {id: {model_module,
 *       model_name, state}}, buffer_paths: [[id, "state", …]]}};
 *   <li>protocol 1 (ipywidgets 6, Debian bookworm): {@code comm_open} {@code data} is the state
 *       itself; {@code comm_msg} {@code {method: update, state, buffers: [field names]}}.
 * </ul>
 *
 * <p>A model whose module is not allowed: its {@code comm_open} is dropped whole (the frontend
 * never creates the model, so its JavaScript never loads) and the comm is remembered as blocked:
 * every later message on it is dropped too. A state update for a comm the filter never saw is
 * sanitized with the {@code _model_module}/{@code _model_name} it carries, or dropped when it
 * carries none (fail closed: without the model name the HTML fields are unknown). Buffers whose
 * path is not allowed are removed together with their path entry.
 */
final class WidgetCommFilter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String MIME = WidgetStateSanitizer.MIME_TYPE;

  private final WidgetStateSanitizer widgets;

  private final ControlCommStates controlComm;

  WidgetCommFilter(WidgetStateSanitizer widgets) {
    this.widgets = widgets;
    this.controlComm = new ControlCommStates(widgets);
  }

  Outcome commOpen(KernelFilterState kernel, ObjectNode content, int bufferCount) {
    String commId = content.path("comm_id").asText("");
    String target = content.path("target_name").asText("");
    if (!MessageFilter.WIDGET_TARGET.equals(target)) {
      kernel.remember(commId, Comm.other(target));
      return Outcome.UNCHANGED;
    }
    JsonNode data = content.path("data");
    if (!data.isObject()) {
      return blocked(kernel, commId, finding(Action.DROP, "widget.comm.invalid", commId));
    }
    boolean v2 = data.path("state").isObject();
    ObjectNode state = (ObjectNode) (v2 ? data.get("state") : data);
    String module = text(state, "_model_module");
    String name = text(state, "_model_name");
    List<Finding> findings = new ArrayList<>();
    Optional<ObjectNode> newState = sanitize(kernel, module, name, state, findings);
    if (newState.isEmpty()) {
      return blocked(kernel, commId, findings);
    }
    kernel.remember(commId, new Comm(target, module, name, false));
    if (!v2) {
      // protocol 1 opens carry no buffer names: buffers cannot be placed, so none are kept
      if (bufferCount > 0) {
        findings.add(new Finding(MIME, Action.DROP, "widget.buffers.unplaced", commId));
      }
      if (findings.isEmpty() && newState.get().equals(state)) {
        return Outcome.UNCHANGED;
      }
      ObjectNode out = content.deepCopy();
      out.set("data", newState.get());
      return Outcome.rewritten(out, List.of(), findings);
    }
    return withBuffers(content, (ObjectNode) data, newState.get(), "buffer_paths", name,
        bufferCount, findings, kernel, commId);
  }

  Outcome commMsg(KernelFilterState kernel, ObjectNode content, int bufferCount) {
    String commId = content.path("comm_id").asText("");
    JsonNode data = content.path("data");
    String method = data.path("method").asText("");
    Optional<Comm> known = kernel.comm(commId);
    if (known.isPresent() && known.get().blocked()) {
      return Outcome.drop(finding(Action.DROP, "widget.comm.blocked", commId));
    }
    if (method.equals("update_states") && data.path("states").isObject()) {
      return controlComm.updateStates(kernel, content, (ObjectNode) data, bufferCount);
    }
    if (known.isPresent() && !known.get().isWidget()) {
      return Outcome.UNCHANGED;
    }
    if (!method.equals("update") && !method.equals("echo_update")) {
      return Outcome.UNCHANGED; // custom, display, request_state…: no state to render
    }
    if (!data.path("state").isObject()) {
      return Outcome.drop(finding(Action.DROP, "widget.update.invalid", commId));
    }
    ObjectNode state = (ObjectNode) data.get("state");
    String module;
    String name;
    if (known.isPresent()) {
      module = known.get().module();
      name = known.get().name();
    } else if (state.path("_model_module").isTextual() && state.path("_model_name").isTextual()) {
      module = text(state, "_model_module");
      name = text(state, "_model_name");
    } else {
      return Outcome.drop(finding(Action.DROP, "widget.comm.unknown", commId));
    }
    List<Finding> findings = new ArrayList<>();
    Optional<ObjectNode> newState = sanitize(kernel, module, name, state, findings);
    if (newState.isEmpty()) {
      return blocked(kernel, commId, findings);
    }
    if (known.isEmpty()) {
      kernel.remember(commId, new Comm(MessageFilter.WIDGET_TARGET, module, name, false));
    }
    String pathsKey = data.has("buffer_paths") || !data.has("buffers") ? "buffer_paths" : "buffers";
    return withBuffers(content, (ObjectNode) data, newState.get(), pathsKey, name, bufferCount,
        findings, kernel, commId);
  }

  /** The comm is closed: forget it. Nothing in a comm_close renders. */
  void commClose(KernelFilterState kernel, ObjectNode content) {
    kernel.forget(content.path("comm_id").asText(""));
  }

  private Optional<ObjectNode> sanitize(KernelFilterState kernel, String module, String name,
      ObjectNode state, List<Finding> findings) {
    SanitizedWidget w = widgets.sanitizeModel(module, name, state, kernel.modelNames());
    findings.addAll(w.findings());
    return w.state();
  }

  /**
   * Puts the sanitized state back and keeps only the buffers whose path is allowed. {@code
   * pathsKey} is {@code buffer_paths} (lists of keys) or protocol 1's {@code buffers} (field
   * names).
   */
  private Outcome withBuffers(ObjectNode content, ObjectNode data, ObjectNode newState,
      String pathsKey, String name, int bufferCount, List<Finding> findings,
      KernelFilterState kernel, String commId) {
    JsonNode paths = data.path(pathsKey);
    if (paths.isMissingNode() ? bufferCount != 0 : !paths.isArray() || paths.size() != bufferCount) {
      return Outcome.drop(concat(findings,
          new Finding(MIME, Action.DROP, "widget.buffers.mismatch", commId + " " + paths)));
    }
    List<Integer> keep = new ArrayList<>();
    ArrayNode keptPaths = JSON.arrayNode();
    for (int i = 0; i < paths.size(); i++) {
      JsonNode entry = paths.get(i);
      JsonNode path = entry.isTextual() ? JSON.arrayNode().add(entry) : entry;
      if (widgets.allowsBufferPath(name, path)) {
        keep.add(i);
        keptPaths.add(entry);
      } else {
        findings.add(new Finding(MIME, Action.DROP, "widget.buffer-path.not-allowed",
            entry.toString()));
      }
    }
    ObjectNode newData = data.deepCopy();
    if (data.has("state")) {
      newData.set("state", newState);
    }
    if (!paths.isMissingNode()) {
      newData.set(pathsKey, keptPaths);
    }
    if (findings.isEmpty() && newData.equals(data)) {
      return Outcome.UNCHANGED;
    }
    ObjectNode out = content.deepCopy();
    out.set("data", newData);
    return keep.size() == bufferCount
        ? Outcome.rewritten(out, findings) : Outcome.rewritten(out, keep, findings);
  }

  private static Outcome blocked(KernelFilterState kernel, String commId, List<Finding> why) {
    kernel.remember(commId, new Comm(MessageFilter.WIDGET_TARGET, "", "", true));
    return Outcome.drop(why);
  }

  private static List<Finding> finding(Action action, String rule, String excerpt) {
    return List.of(new Finding(MIME, action, rule, excerpt));
  }

  private static List<Finding> concat(List<Finding> a, Finding b) {
    List<Finding> out = new ArrayList<>(a);
    out.add(b);
    return out;
  }

  /** A string field, or {@code null} when absent or not a string (the sanitizer refuses null). */
  private static String text(ObjectNode state, String key) {
    JsonNode v = state.get(key);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}
