package dev.nbguard.sanitizer.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code LinkModel} and {@code DirectionalLinkModel} ({@code jslink}, {@code jsdlink}): the widget
 * manager copies a trait of one model into a trait of another, in the browser, where the policy
 * never sees the copy. A plain-text {@code Text.value} linked to {@code HTML.value} (or to a
 * {@code description}) is inserted with {@code innerHTML}. So every end that receives values
 * ({@code target}; {@code source} too for the two-way {@code LinkModel}) must name a model the
 * caller knows and a trait that a binary buffer could replace as well ({@link
 * WidgetBuffers#pathAllowed}: nothing the policy sanitizes, no {@code _…} trait), and not a
 * style or layout model (CSS the policy checks). A link that fails, or whose end is malformed,
 * is dropped ({@code widget.link.target}).
 */
final class WidgetLinks {
  private static final Set<String> LINK_MODELS = Set.of("LinkModel", "DirectionalLinkModel");
  private static final String REF = "IPY_MODEL_";

  private WidgetLinks() {}

  /** Why a link state must not reach a frontend, or empty when it may (or is no link). */
  static Optional<String> problem(Set<String> modelNames, ObjectNode state, ModelNames models) {
    if (modelNames.stream().noneMatch(LINK_MODELS::contains)) {
      return Optional.empty();
    }
    boolean twoWay = modelNames.contains("LinkModel");
    for (String end : twoWay ? List.of("source", "target") : List.of("target")) {
      JsonNode v = state.get(end);
      if (v != null && !v.isNull() && !receives(v, models)) {
        return Optional.of(end + "=" + v);
      }
    }
    return Optional.empty();
  }

  private static boolean receives(JsonNode end, ModelNames models) {
    if (!end.isArray() || end.size() != 2 || !end.get(0).isTextual() || !end.get(1).isTextual()
        || !end.get(0).textValue().startsWith(REF)) {
      return false;
    }
    Optional<String> name = models.nameOf(end.get(0).textValue().substring(REF.length()));
    return name.isPresent()
        && !name.get().endsWith("StyleModel") && !name.get().equals("LayoutModel")
        && WidgetBuffers.pathAllowed(name.get(), JsonNodeFactory.instance.arrayNode().add(end.get(1)));
  }
}
