package dev.nbguard.sanitizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.html.HtmlSanitizer;
import dev.nbguard.sanitizer.html.HtmlRepresentation;
import dev.nbguard.sanitizer.image.ImageValidator;
import dev.nbguard.sanitizer.latex.LatexSanitizer;
import dev.nbguard.sanitizer.markdown.MarkdownSanitizer;
import dev.nbguard.sanitizer.svg.SvgSanitizer;
import dev.nbguard.sanitizer.vega.VegaSanitizer;
import dev.nbguard.sanitizer.widget.WidgetStateSanitizer;
import dev.nbguard.sanitizer.widget.WidgetViewValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The output policy, built once from a {@link PolicyConfig} and then immutable and thread-safe.
 * {@link #sanitize(JsonNode)} takes a MIME bundle ({@code {"data": {…}, "metadata": {…}}}, any
 * other fields such as {@code output_type} are kept) and returns a rewritten copy plus findings.
 *
 * <p>Fail closed: a representation whose handler throws, or that is over a size limit, is
 * dropped and reported, never passed on raw. When representations were dropped and nothing is
 * left to display, a short {@code text/plain} notice says what was removed.
 */
public final class OutputPolicy {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  public static final String NOTICE_PREFIX = "[nbguard] ";

  private final PolicyConfig config;
  private final UrlPolicy urls;
  private final HtmlSanitizer html;
  private final RepresentationSanitizer htmlRepresentation;
  private final RepresentationSanitizer svg;
  private final RepresentationSanitizer markdown;
  private final RepresentationSanitizer latex;
  private final RepresentationSanitizer vega;
  private final RepresentationSanitizer images;
  private final RepresentationSanitizer widgetView;
  private final WidgetStateSanitizer widgetState;

  private OutputPolicy(PolicyConfig config) {
    this.config = config;
    this.urls = new UrlPolicy(config.urlSchemes());
    this.html = new HtmlSanitizer(config, urls);
    this.htmlRepresentation = new HtmlRepresentation(html, config);
    this.svg = new SvgSanitizer(config, urls);
    this.markdown = new MarkdownSanitizer(html, urls);
    this.latex = new LatexSanitizer(urls);
    this.vega = new VegaSanitizer(urls);
    this.images = new ImageValidator();
    this.widgetView = new WidgetViewValidator();
    this.widgetState = new WidgetStateSanitizer(config, html, this::sanitizeOutputs);
  }

  public static OutputPolicy of(PolicyConfig config) {
    return new OutputPolicy(config);
  }

  public static OutputPolicy preset(Preset preset) {
    return of(PolicyConfig.builder(preset).build());
  }

  public PolicyConfig config() {
    return config;
  }

  public UrlPolicy urls() {
    return urls;
  }

  /** The HTML policy alone, for callers that hold an HTML fragment outside any bundle. */
  public HtmlSanitizer html() {
    return html;
  }

  /** Widget comm state ({@code comm_open}/{@code comm_msg}) and notebook widget-state metadata. */
  public WidgetStateSanitizer widgets() {
    return widgetState;
  }

  /**
   * Sanitizes one MIME bundle.
   *
   * @throws IllegalArgumentException when {@code bundle} is not a JSON object or {@code data} /
   *     {@code metadata} are not objects
   */
  public SanitizedBundle sanitize(JsonNode bundle) {
    if (bundle == null || !bundle.isObject()) {
      throw new IllegalArgumentException("a MIME bundle must be a JSON object");
    }
    JsonNode data = bundle.path("data");
    JsonNode metadata = bundle.path("metadata");
    if (!data.isMissingNode() && !data.isObject()) {
      throw new IllegalArgumentException("'data' must be a JSON object");
    }
    if (!metadata.isMissingNode() && !metadata.isNull() && !metadata.isObject()) {
      throw new IllegalArgumentException("'metadata' must be a JSON object");
    }
    if (data.isMissingNode()) {
      return new SanitizedBundle(((ObjectNode) bundle).deepCopy(), List.of());
    }
    ObjectNode out = copyExceptDataAndMetadata((ObjectNode) bundle);
    ObjectNode newData = JSON.objectNode();
    ObjectNode newMetadata = metadata.isObject() ? ((ObjectNode) metadata).deepCopy() : null;
    List<Finding> findings = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : data.properties()) {
      String mime = e.getKey();
      Report report = new Report(mime);
      Optional<Kept> kept = sanitizeOne(mime, e.getValue(), metadata.path(mime), report);
      findings.addAll(report.findings());
      String outMime = kept.map(Kept::mimeType).orElse(mime);
      if (kept.isPresent() && !outMime.equals(mime)
          && (data.has(outMime) || newData.has(outMime))) {
        // A handler turned this type into another (sandboxed JavaScript -> text/html): the
        // bundle's own representation of that type wins.
        findings.add(new Finding(mime, Action.DROP, "policy.mime-collision", mime + " -> " + outMime));
        kept = Optional.empty();
      }
      if (kept.isPresent()) {
        newData.set(outMime, kept.get().value());
        if (newMetadata != null) {
          if (!outMime.equals(mime)) {
            newMetadata.remove(mime);
          }
          setOrRemove(newMetadata, outMime, kept.get().metadata());
        }
      } else {
        dropped.add(mime);
        if (newMetadata != null) {
          newMetadata.remove(mime);
        }
      }
    }
    if (!dropped.isEmpty() && newData.isEmpty()) {
      String notice = NOTICE_PREFIX + "removed " + String.join(", ", dropped)
          + " from this output: it could run script in the page.";
      newData.put("text/plain", notice);
      findings.add(new Finding("text/plain", Action.SANITIZE, "notice.added", notice));
    }
    out.set("data", newData);
    if (newMetadata != null) {
      out.set("metadata", newMetadata);
    }
    return new SanitizedBundle(out, findings);
  }

  /** The bundle's other fields (output_type, transient, …); data and metadata are rebuilt. */
  private static ObjectNode copyExceptDataAndMetadata(ObjectNode bundle) {
    ObjectNode out = JSON.objectNode();
    bundle.properties().forEach(f -> {
      if (!f.getKey().equals("data") && !f.getKey().equals("metadata")) {
        out.set(f.getKey(), f.getValue().deepCopy());
      }
    });
    return out;
  }

  /** What {@link #sanitizeOne} keeps: the MIME type (a handler may convert it) and its parts. */
  private record Kept(String mimeType, JsonNode value, JsonNode metadata) {}

  private static void setOrRemove(ObjectNode metadata, String key, JsonNode value) {
    if (value == null || value.isMissingNode()) {
      metadata.remove(key);
    } else {
      metadata.set(key, value);
    }
  }

  /**
   * What to keep of one representation, or empty to drop it. The MIME type may differ from the
   * input's when the handler converted it (sandboxed JavaScript becomes text/html). Never throws.
   */
  private Optional<Kept> sanitizeOne(
      String mime, JsonNode rawValue, JsonNode mimeMetadata, Report report) {
    Action action = config.actionFor(mime);
    if (action == Action.DROP) {
      report.add(Action.DROP, "policy.drop", mime);
      return Optional.empty();
    }
    try {
      boolean wasLines = rawValue.isArray() && !isJsonType(mime);
      JsonNode value = wasLines ? TextNode.valueOf(MultilineText.joined(rawValue).orElseThrow(
          () -> new IllegalArgumentException("a multi-line value must be a list of strings")))
          : rawValue;
      if (value.isTextual() && value.textValue().length() > config.limits().maxRepresentationChars()) {
        report.add(Action.DROP, "limit.size", value.textValue().length() + " characters");
        return Optional.empty();
      }
      Optional<RepresentationSanitizer> handler = handlerFor(mime, action);
      if (handler.isEmpty()) {
        if (action == Action.ALLOW) {
          return Optional.of(new Kept(mime, rawValue, mimeMetadata));
        }
        report.add(Action.DROP, "policy.no-sanitizer", mime + " has no " + action + " handler");
        return Optional.empty();
      }
      Representation in = new Representation(mime, value, mimeMetadata);
      Optional<Representation> result = handler.get().sanitize(in, action, report);
      if (result.isEmpty()) {
        if (report.findings().stream().noneMatch(f -> f.action() == Action.DROP)) {
          report.add(Action.DROP, "policy.drop", mime);
        }
        return Optional.empty();
      }
      Representation r = result.get();
      JsonNode outValue = r.value();
      if (outValue.equals(value)) {
        outValue = rawValue;
      } else if (wasLines && outValue.isTextual()) {
        outValue = MultilineText.split(outValue.textValue());
      }
      return Optional.of(new Kept(r.mimeType(), outValue, r.metadata()));
    } catch (RuntimeException | StackOverflowError e) {
      report.add(Action.DROP, "error." + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  private Optional<RepresentationSanitizer> handlerFor(String mime, Action action) {
    String m = mime.toLowerCase(Locale.ROOT);
    if (m.equals("text/html") || (Presets.JAVASCRIPT_TYPES.contains(m) && action == Action.SANDBOX)) {
      return Optional.of(htmlRepresentation);
    }
    if (m.equals("image/svg+xml")) {
      return Optional.of(svg);
    }
    if (m.startsWith("image/")) {
      return Optional.of(images);
    }
    if (m.equals("text/markdown")) {
      return Optional.of(markdown);
    }
    if (m.equals("text/latex")) {
      return Optional.of(latex);
    }
    if (m.startsWith("application/vnd.vega.") || m.startsWith("application/vnd.vegalite.")) {
      return Optional.of(vega);
    }
    if (m.equals("application/vnd.jupyter.widget-view+json")) {
      return Optional.of(widgetView);
    }
    if (m.equals("text/plain")) {
      return Optional.of(PlainText.INSTANCE);
    }
    return Optional.empty();
  }

  static boolean isJsonType(String mime) {
    String m = mime.toLowerCase(Locale.ROOT);
    return m.equals("application/json") || m.endsWith("+json");
  }

  // ---- outputs (nbformat output objects), shared by the notebook walker and Output widgets ----

  /**
   * Sanitizes one nbformat output ({@code display_data}, {@code execute_result}, {@code
   * update_display_data}, {@code stream}, {@code error}). Outputs of another type are dropped.
   *
   * @return the kept output (possibly rewritten), or empty when the whole output is dropped
   */
  public SanitizedOutput sanitizeOutput(JsonNode output) {
    if (output == null || !output.isObject()) {
      return SanitizedOutput.dropped(
          new Finding("(output)", Action.DROP, "output.not-an-object", String.valueOf(output)));
    }
    String type = output.path("output_type").asText("");
    switch (type) {
      case "display_data", "execute_result", "update_display_data" -> {
        SanitizedBundle b = sanitize(output);
        return new SanitizedOutput(Optional.of(b.bundle()), b.findings());
      }
      case "stream", "error" -> {
        return new SanitizedOutput(Optional.of(output.deepCopy()), List.of());
      }
      default -> {
        return SanitizedOutput.dropped(
            new Finding("(output)", Action.DROP, "output.unknown-type", type));
      }
    }
  }

  /** Sanitizes a list of outputs at the given widget nesting depth (Output widgets). */
  private SanitizedOutputs sanitizeOutputs(JsonNode outputs, int depth) {
    ArrayNode kept = JSON.arrayNode();
    List<Finding> findings = new ArrayList<>();
    if (depth >= config.limits().maxNestingDepth()) {
      findings.add(new Finding("(output)", Action.DROP, "limit.nesting-depth", "depth " + depth));
      return new SanitizedOutputs(kept, findings);
    }
    if (outputs != null && outputs.isArray()) {
      for (JsonNode o : outputs) {
        SanitizedOutput r = sanitizeOutput(o);
        r.output().ifPresent(kept::add);
        findings.addAll(r.findings());
      }
    }
    return new SanitizedOutputs(kept, findings);
  }
}
