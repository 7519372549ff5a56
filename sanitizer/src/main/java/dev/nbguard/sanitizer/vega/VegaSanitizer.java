package dev.nbguard.sanitizer.vega;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vega and Vega-Lite specs ({@code application/vnd.vega.v*+json}, {@code
 * application/vnd.vegalite.v*+json}), e.g. Altair charts. JupyterLab renders them with vega-embed
 * even for untrusted output. The chart is kept; what reaches script, markup or the Jupyter API is
 * removed:
 *
 * <ul>
 *   <li>{@code vega.usermeta}: the top-level {@code usermeta} (vega-embed reads embed options,
 *       loader and sanitizer overrides from it) is removed.
 *   <li>{@code vega.embed-options}: the per-MIME metadata {@code embed_options} (the same options
 *       via JupyterLab) is removed; other metadata keys are kept.
 *   <li>{@code vega.url.scheme}: an {@code href} (string or {@code {"value": …}}) failing the URL
 *       policy for links is removed; any string value anywhere whose scheme is {@code javascript}
 *       or {@code vbscript} (e.g. inline data feeding an {@code href} channel) becomes {@code #}.
 *   <li>{@code vega.data.url}: a {@code url} (data sources, image marks) is kept only when it is an
 *       absolute {@code http(s)} URL to a non-loopback host, or a {@code data:} URL. Relative and
 *       loopback URLs are loaded by vega's loader from the Jupyter origin with the user's cookies
 *       ({@code /files/…}, {@code /api/contents/…}): a chart could read the user's files and send
 *       them out through image marks. Charts made with Altair's {@code json} data transformer
 *       (relative data files) therefore lose their data; inline {@code values} are kept.
 *   <li>{@code vega.expression.gadget}: a string holding an identifier that known expression
 *       sandbox escapes need ({@link ExpressionGadgets}) drops the whole spec: an expression cannot
 *       be repaired without knowing what it was meant to do.
 * </ul>
 */
public final class VegaSanitizer implements RepresentationSanitizer {
  private static final Set<String> LOOPBACK =
      Set.of("localhost", "127.0.0.1", "[::1]", "0.0.0.0", "[::]", "0", "127.1");

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
    if (spec.has("usermeta")) {
      report.sanitized("vega.usermeta", spec.get("usermeta").toString());
      spec.remove("usermeta");
    }
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
        } else if (key.equals("url") && url.isPresent() && !dataUrlAllowed(url.get())) {
          report.sanitized("vega.data.url", url.get());
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
   * Absolute http(s) to a host that is not loopback, or a {@code data:} URL. IPv6 literals and
   * numeric hosts other than dotted quads ({@code 2130706433}, {@code 0x7f.1}) are refused.
   */
  static boolean dataUrlAllowed(String url) {
    String u = UrlPolicy.normalize(url).replace('\\', '/');
    Optional<String> scheme = UrlPolicy.schemeOf(u);
    if (scheme.isPresent() && scheme.get().equals("data")) {
      return true;
    }
    if (scheme.isEmpty() || !(scheme.get().equals("http") || scheme.get().equals("https"))) {
      return false;
    }
    String rest = u.substring(scheme.get().length() + 1);
    if (!rest.startsWith("//")) {
      return false;
    }
    String authority = rest.substring(2).split("[/?#]", 2)[0];
    String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return false; // IPv6 literals: too many spellings of loopback to list
    }
    host = host.split(":", 2)[0];
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    boolean numeric = host.matches("[0-9.]+|0x[0-9a-f.x]+");
    return !host.isEmpty() && !LOOPBACK.contains(host) && !host.startsWith("127.")
        && !host.endsWith(".localhost") && !(numeric && !host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}"));
  }
}
