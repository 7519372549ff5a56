package dev.nbguard.sanitizer.vega;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.RepresentationSanitizer;
import dev.nbguard.sanitizer.UrlPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vega and Vega-Lite specs ({@code application/vnd.vega.v*+json}, {@code
 * application/vnd.vegalite.v*+json}), e.g. Altair charts. JupyterLab renders them with vega-embed
 * even for untrusted output. The chart is kept; what reaches script, markup or the Jupyter API is
 * removed:
 *
 * <ul>
 *   <li>{@code vega.usermeta}: the top-level {@code usermeta} (vega-embed reads embed options,
 *       loader and sanitizer overrides from it) is replaced by nbguard's own, which switches off
 *       "View Source" and "View Compiled Vega" (they {@code document.write} the spec, markup
 *       and all, into a same-origin window); every spec gets it.
 *   <li>{@code vega.embed-options}: the per-MIME metadata {@code embed_options} (the same options
 *       via JupyterLab) is removed; other metadata keys are kept.
 *   <li>{@code vega.url.scheme}: an {@code href} (string or {@code {"value": …}}) failing the URL
 *       policy for links is removed; any string value anywhere whose scheme is {@code javascript}
 *       or {@code vbscript} (e.g. inline data feeding an {@code href} channel) becomes {@code #}.
 *   <li>{@code vega.data.url}: a {@code url} (data sources, image marks) is kept only when it is an
 *       absolute {@code http(s)} URL to a public host ({@link DataUrls}: no loopback, private or
 *       link-local address in any spelling, no single-label name), or a {@code data:} URL; a
 *       {@code url} computed by a signal or expression is removed. Relative and local URLs are
 *       loaded by vega's loader from the Jupyter origin with the user's cookies
 *       ({@code /files/…}, {@code /api/contents/…}): a chart could read the user's files and send
 *       them out through image marks. Charts made with Altair's {@code json} data transformer
 *       (relative data files) therefore lose their data; inline {@code values} are kept.
 *   <li>{@code vega.expression.gadget}: a string holding an identifier that known expression
 *       sandbox escapes need ({@link ExpressionGadgets}) drops the whole spec: an expression cannot
 *       be repaired without knowing what it was meant to do.
 * </ul>
 */
public final class VegaSanitizer implements RepresentationSanitizer {
  private final UrlPolicy urls;

  public VegaSanitizer(UrlPolicy urls) {
    this.urls = urls;
  }

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    if (!r.value().isObject()) {
      report.add(Action.DROP, "vega.not-an-object", r.value().getNodeType().toString());
      return Optional.empty();
    }
    ObjectNode spec = ((ObjectNode) r.value()).deepCopy();
    if (spec.has("usermeta") && !spec.get("usermeta").equals(safeUsermeta())) {
      report.sanitized("vega.usermeta", spec.get("usermeta").toString());
    }
    spec.set("usermeta", safeUsermeta());
    List<String> gadgets = new ArrayList<>();
    walk(spec, report, gadgets);
    if (!gadgets.isEmpty()) {
      report.add(Action.DROP, "vega.expression.gadget", gadgets.get(0));
      return Optional.empty();
    }
    JsonNode metadata = r.metadata();
    if (metadata.isObject() && metadata.has("embed_options")) {
      ObjectNode m = ((ObjectNode) metadata).deepCopy();
      report.sanitized("vega.embed-options", m.get("embed_options").toString());
      m.remove("embed_options");
      metadata = m;
    }
    boolean same = spec.equals(r.value()) && metadata == r.metadata();
    return Optional.of(same ? r : new Representation(r.mimeType(), spec, metadata));
  }

  private void walk(JsonNode node, Report report, List<String> gadgets) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> remove = new ArrayList<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        String key = e.getKey();
        Optional<String> url = urlValue(e.getValue());
        if (key.equals("href") && url.isPresent() && !urls.allows(url.get(), UrlPolicy.Context.LINK)) {
          report.sanitized("vega.url.scheme", url.get());
          remove.add(key);
        } else if (key.equals("url") && url.isPresent() && !DataUrls.allowed(url.get())) {
          report.sanitized("vega.data.url", url.get());
          remove.add(key);
        } else if (key.equals("url") && url.isEmpty() && !e.getValue().has("field")) {
          // {"signal": …}, {"expr": …}: a URL computed in the chart, unknowable here
          report.sanitized("vega.data.url", e.getValue().toString());
          remove.add(key);
        } else if (e.getValue().isTextual()) {
          e.setValue(checkString(e.getValue().textValue(), report, gadgets));
        } else {
          walk(e.getValue(), report, gadgets);
        }
      }
      remove.forEach(object::remove);
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, checkString(array.get(i).textValue(), report, gadgets));
        } else {
          walk(array.get(i), report, gadgets);
        }
      }
    }
  }

  private static JsonNode checkString(String s, Report report, List<String> gadgets) {
    ExpressionGadgets.find(s).ifPresent(gadgets::add);
    Optional<String> scheme = UrlPolicy.schemeOf(s);
    if (scheme.isPresent() && (scheme.get().equals("javascript") || scheme.get().equals("vbscript"))) {
      report.sanitized("vega.url.scheme", s);
      return TextNode.valueOf("#");
    }
    return TextNode.valueOf(s);
  }

  /** A URL-bearing field: a string, or {@code {"value": "…"}} in an encoding channel. */
  private static Optional<String> urlValue(JsonNode v) {
    if (v.isTextual()) {
      return Optional.of(v.textValue());
    }
    if (v.isObject() && v.path("value").isTextual()) {
      return Optional.of(v.path("value").textValue());
    }
    return Optional.empty();
  }

  /**
   * vega-embed's "View Source" and "View Compiled Vega" write the spec's JSON into a same-origin
   * window with {@code document.write}, unescaped: any string in a chart (a title, a data value)
   * could carry markup that runs there. Both are switched off through the spec's own {@code
   * usermeta}, which vega-embed reads in every frontend; saving as SVG/PNG and "Open in Vega
   * Editor" (another origin) stay.
   */
  private static ObjectNode safeUsermeta() {
    ObjectNode usermeta = JsonNodeFactory.instance.objectNode();
    usermeta.putObject("embedOptions").putObject("actions").put("source", false).put("compiled", false);
    return usermeta;
  }
}
