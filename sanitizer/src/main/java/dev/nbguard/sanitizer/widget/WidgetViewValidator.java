package dev.nbguard.sanitizer.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.RepresentationSanitizer;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code application/vnd.jupyter.widget-view+json}: a pointer to a widget model, {@code
 * {"model_id": "…", "version_major": 2, "version_minor": 0}}. The object is rebuilt from exactly
 * these fields; anything else is removed ({@code widget.view.field.dropped}). A missing or
 * malformed {@code model_id}, or a malformed {@code version_major}, drops the representation
 * ({@code widget.view.invalid}); ipywidgets 6 (Debian bookworm's) sends no version at all, so an
 * absent {@code version_major} is fine. Per-MIME metadata has no meaning here and is removed.
 */
public final class WidgetViewValidator implements RepresentationSanitizer {
  static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  public WidgetViewValidator() {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    JsonNode v = r.value();
    if (!v.isObject()) {
      report.add(Action.DROP, "widget.view.invalid", "not a JSON object");
      return Optional.empty();
    }
    JsonNode id = v.path("model_id");
    if (!id.isTextual() || !MODEL_ID.matcher(id.textValue()).matches()) {
      report.add(Action.DROP, "widget.view.invalid", "model_id " + id);
      return Optional.empty();
    }
    JsonNode major = v.path("version_major");
    if (!major.isMissingNode() && !isSmallInt(major)) {
      report.add(Action.DROP, "widget.view.invalid", "version_major " + major);
      return Optional.empty();
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("model_id", id.textValue());
    if (!major.isMissingNode()) {
      out.set("version_major", major);
    }
    JsonNode minor = v.path("version_minor");
    if (isSmallInt(minor)) {
      out.set("version_minor", minor);
    } else if (!minor.isMissingNode()) {
      report.sanitized("widget.view.field.dropped", "version_minor " + minor);
    }
    Iterator<String> names = v.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!out.has(name) && !name.equals("version_minor")) {
        report.sanitized("widget.view.field.dropped", name);
      }
    }
    JsonNode metadata = r.metadata();
    if (!metadata.isMissingNode() && !(metadata.isObject() && metadata.isEmpty())) {
      report.sanitized("widget.view.metadata.dropped", metadata.toString());
      metadata = MissingNode.getInstance();
    }
    return Optional.of(new Representation(r.mimeType(), out, metadata));
  }

  private static boolean isSmallInt(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0;
  }
}
