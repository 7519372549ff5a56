package dev.nbguard.sanitizer.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.SanitizedOutputs;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.html.HtmlSanitizer;
import dev.nbguard.sanitizer.latex.LatexSanitizer;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jupyter widget model state, from a kernel's {@code comm_open}/{@code comm_msg} (the gateway) or
 * from a notebook's widget-state metadata (the notebook walker). Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@code widget.module.not-allowed}: a model whose module, or whose {@code _model_module}
 *       / {@code _view_module} in the state, is not in {@link PolicyConfig#widgetModules()} is
 *       dropped whole: its JavaScript would run in the page.
 *   <li>{@code widget.html.<field>}: HTML-bearing fields go through the {@link HtmlSanitizer}
 *       (plus its {@code html.*} findings): {@code value} of {@code HTMLModel}/{@code
 *       HTMLMathModel}; {@code description} (HTML in ipywidgets 7, and in 8 with {@code
 *       description_allow_html}), {@code placeholder}, {@code tooltip}, {@code
 *       description_tooltip}, and the label lists {@code _options_labels}, {@code _titles},
 *       {@code titles}, {@code tooltips} of every model. Plain text passes unchanged. The LaTeX
 *       rules ({@code latex.*}) apply to these and to {@code LabelModel}'s {@code value}, which
 *       ipywidgets typesets.
 *   <li>{@code widget.dom-class}: {@code _dom_classes} lose JupyterLab's and ipywidgets' own
 *       class prefixes ({@code jp-}, {@code lm-}, {@code p-}, {@code mod-}, {@code widget-},
 *       {@code jupyter-}) and anything that is not a plain class name.
 *   <li>{@code widget.class-word.invalid}: {@code icon}, {@code button_style}, {@code
 *       bar_style}, {@code box_style} (turned into class names) must be plain words.
 *   <li>{@code widget.css.value}: in {@code LayoutModel} and {@code *StyleModel} states a value
 *       with {@code url(}, {@code expression}, {@code javascript:}, {@code ;}, braces, {@code @},
 *       backslashes or comments is removed.
 *   <li>Output widget ({@code OutputModel}): {@code outputs} go through the output policy; their
 *       findings keep their own MIME types.
 *   <li>{@code widget.link.target}: a {@code LinkModel}/{@code DirectionalLinkModel} that would
 *       copy values into a field this policy sanitizes, or into a model the caller does not know,
 *       is dropped ({@link WidgetLinks}).
 * </ul>
 */
public final class WidgetStateSanitizer {
  /** The MIME type findings carry. */
  public static final String MIME_TYPE = "application/vnd.jupyter.widget-state+json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Set<String> modules;
  private final WidgetFields fields;

  public WidgetStateSanitizer(PolicyConfig config, HtmlSanitizer html, SanitizedOutputs.Sanitizer outputs) {
    this.modules = Set.copyOf(config.widgetModules());
    this.fields = new WidgetFields(html, new LatexSanitizer(new UrlPolicy(config.urlSchemes())), outputs);
  }

  /**
   * Sanitizes one model's state (a full state from {@code comm_open} or a partial one from a
   * {@code comm_msg} update); {@code state} is not modified. An unknown ({@code null}) module is
   * not allowed; the model name decides which fields carry HTML.
   */
  public SanitizedWidget sanitizeModel(String modelModule, String modelName, ObjectNode state) {
    return sanitizeModel(modelModule, modelName, state, ModelNames.NONE);
  }

  /**
   * As {@link #sanitizeModel(String, String, ObjectNode)}; {@code models} names the models a link
   * state refers to (see {@link WidgetLinks}: a link to an unknown model is dropped).
   */
  public SanitizedWidget sanitizeModel(String modelModule, String modelName, ObjectNode state,
      ModelNames models) {
    Report report = new Report(MIME_TYPE);
    return new SanitizedWidget(sanitizeModel(modelModule, modelName, state, models, report),
        report.findings());
  }

  private Optional<ObjectNode> sanitizeModel(String module, String name, ObjectNode state,
      ModelNames models, Report report) {
    if (module == null || !modules.contains(module)) {
      report.add(Action.DROP, "widget.module.not-allowed", module + " (" + name + ")");
      return Optional.empty();
    }
    for (String m : new String[] {textOrNull(state, "_model_module"), textOrNull(state, "_view_module")}) {
      if (m != null && !modules.contains(m)) {
        report.add(Action.DROP, "widget.module.not-allowed", m + " (" + name + ")");
        return Optional.empty();
      }
    }
    Set<String> names = new LinkedHashSet<>();
    names.add(name == null ? "" : name);
    String inState = textOrNull(state, "_model_name");
    if (inState != null) {
      names.add(inState);
    }
    Optional<String> link = WidgetLinks.problem(names, state, models);
    if (link.isPresent()) {
      report.add(Action.DROP, "widget.link.target", link.get());
      return Optional.empty();
    }
    ObjectNode copy = state.deepCopy();
    fields.apply(names, copy, report);
    return Optional.of(copy);
  }

  /** {@code null} stands for "absent" here only; a present non-string module is refused. */
  private static String textOrNull(ObjectNode state, String key) {
    JsonNode v = state.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }

  /**
   * Whether a {@code comm_msg}/{@code comm_open} binary buffer may land at {@code bufferPath}
   * (one entry of {@code data.buffer_paths}) of a {@code modelName} state. The gateway drops
   * buffers (and their paths) for which this is false: a buffer must not replace a field this
   * policy sanitizes ({@code value} of HTML models, descriptions, outputs, …) or a {@code _…}
   * field.
   */
  public boolean allowsBufferPath(String modelName, JsonNode bufferPath) {
    return WidgetBuffers.pathAllowed(modelName == null ? "" : modelName, bufferPath);
  }

  /**
   * Sanitizes a notebook's widget-state document ({@code {"version_major": 2, "version_minor": 0,
   * "state": {"<model_id>": {"model_name", "model_module", "model_module_version", "state",
   * "buffers"?}}}}). Models that are disallowed or malformed are removed.
   */
  public SanitizedWidgetDocument sanitizeNotebookState(JsonNode doc) {
    Report report = new Report(MIME_TYPE);
    ObjectNode out = JSON.objectNode();
    if (doc == null || !doc.isObject() || !doc.path("state").isObject()) {
      report.add(Action.DROP, "widget.state.invalid", "not a widget-state document");
      out.put("version_major", 2).put("version_minor", 0).set("state", JSON.objectNode());
      return new SanitizedWidgetDocument(out, report.findings());
    }
    copyInt(doc, out, "version_major", report);
    copyInt(doc, out, "version_minor", report);
    ObjectNode models = JSON.objectNode();
    JsonNode in = doc.path("state");
    ModelNames names = id -> nameIn(in.path(id));
    Iterator<Map.Entry<String, JsonNode>> it = in.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      model(e.getKey(), e.getValue(), names, report).ifPresent(m -> models.set(e.getKey(), m));
    }
    out.set("state", models);
    doc.fieldNames().forEachRemaining(k -> {
      if (!List.of("version_major", "version_minor", "state").contains(k)) {
        report.sanitized("widget.state.field.dropped", k);
      }
    });
    return new SanitizedWidgetDocument(out, report.findings());
  }

  private Optional<ObjectNode> model(String id, JsonNode entry, ModelNames names, Report report) {
    if (!WidgetViewValidator.MODEL_ID.matcher(id).matches() || !entry.isObject()
        || !entry.path("model_module").isTextual() || !entry.path("model_name").isTextual()
        || !entry.path("state").isObject()) {
      report.add(Action.DROP, "widget.state.model.invalid", id);
      return Optional.empty();
    }
    String module = entry.path("model_module").textValue();
    String name = entry.path("model_name").textValue();
    Optional<ObjectNode> state = sanitizeModel(module, name, (ObjectNode) entry.path("state"), names, report);
    if (state.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode out = JSON.objectNode();
    out.put("model_name", name);
    out.put("model_module", module);
    if (entry.path("model_module_version").isTextual()) {
      out.set("model_module_version", entry.get("model_module_version"));
    }
    out.set("state", state.get());
    JsonNode buffers = entry.path("buffers");
    if (WidgetBuffers.valid(buffers, name)) {
      out.set("buffers", buffers);
    } else if (!buffers.isMissingNode()) {
      report.sanitized("widget.state.buffers.invalid", id);
    }
    entry.fieldNames().forEachRemaining(k -> {
      if (!out.has(k) && !k.equals("buffers")) {
        report.sanitized("widget.state.field.dropped", id + "." + k);
      }
    });
    return Optional.of(out);
  }

  /** A stored model's name; unknown when its state names another one. */
  private static Optional<String> nameIn(JsonNode entry) {
    String name = entry.path("model_name").textValue();
    JsonNode inState = entry.path("state").path("_model_name");
    return inState.isMissingNode() || inState.isNull() || name == null || name.equals(inState.textValue())
        ? Optional.ofNullable(name) : Optional.empty();
  }

  private static void copyInt(JsonNode from, ObjectNode to, String key, Report report) {
    JsonNode v = from.path(key);
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      to.set(key, v);
    } else {
      report.sanitized("widget.state.field.invalid", key + "=" + v);
      to.put(key, key.equals("version_major") ? 2 : 0);
    }
  }
}
