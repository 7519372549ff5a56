package dev.nbguard.sanitizer.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.Representation;
import dev.nbguard.sanitizer.RepresentationSanitizer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raster images ({@code image/png}, {@code jpeg}, {@code gif}, {@code webp}, {@code bmp}):
 * JupyterLab shows them as {@code <img src="data:…;base64,…">}, which cannot run script, so the
 * checks are about shape, not content.
 *
 * <ul>
 *   <li>The value must be base64 as a browser decodes it (whitespace ignored); otherwise the
 *       image is dropped ({@code image.base64.invalid}).
 *   <li>The first decoded bytes must carry the declared format's signature; otherwise dropped
 *       ({@code image.magic.mismatch}). Types without a known signature are kept after the base64
 *       check. Only the first 16 bytes are decoded, however large the image.
 *   <li>Metadata keeps {@code width}/{@code height} (numbers ≥ 0; numeric strings are converted,
 *       {@code image.metadata.converted}; anything else removed, {@code image.metadata.invalid}),
 *       {@code unconfined} (boolean) and {@code alt} (string, IPython's alt text). Other keys are
 *       removed ({@code image.metadata.dropped}).
 * </ul>
 */
public final class ImageValidator implements RepresentationSanitizer {
  private static final Set<String> DIMENSIONS = Set.of("width", "height");

  public ImageValidator() {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    if (!r.value().isTextual()) {
      report.add(Action.DROP, "image.not-a-string", r.value().getNodeType().toString());
      return Optional.empty();
    }
    String text = r.value().textValue();
    Optional<byte[]> head = Base64Check.validHead(text);
    if (head.isEmpty()) {
      report.add(Action.DROP, "image.base64.invalid", text);
      return Optional.empty();
    }
    if (!ImageMagic.matches(r.mimeType(), head.get()).orElse(true)) {
      report.add(Action.DROP, "image.magic.mismatch", r.mimeType() + " does not start like one");
      return Optional.empty();
    }
    return Optional.of(r.withMetadata(metadata(r.metadata(), report)));
  }

  private static JsonNode metadata(JsonNode metadata, Report report) {
    if (metadata.isMissingNode()) {
      return metadata;
    }
    if (!metadata.isObject()) {
      report.sanitized("image.metadata.invalid", "metadata is " + metadata.getNodeType());
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (DIMENSIONS.contains(key)) {
        dimension(key, v, report).ifPresent(n -> out.set(key, n));
      } else if (key.equals("unconfined") && v.isBoolean()) {
        out.set(key, v);
      } else if (key.equals("alt") && v.isTextual()) {
        out.set(key, v);
      } else if (key.equals("unconfined") || key.equals("alt")) {
        report.sanitized("image.metadata.invalid", key + "=" + v);
      } else {
        report.sanitized("image.metadata.dropped", key);
      }
    }
    return out;
  }

  private static Optional<JsonNode> dimension(String key, JsonNode v, Report report) {
    if (v.isNumber() && Double.isFinite(v.doubleValue()) && v.doubleValue() >= 0) {
      return Optional.of(v);
    }
    if (v.isTextual()) {
      String s = v.textValue().trim();
      if (s.matches("[0-9]{1,9}(\\.[0-9]{1,6})?")) {
        report.sanitized("image.metadata.converted", key + "=" + v.textValue());
        BigDecimal d = new BigDecimal(s);
        return Optional.of(d.scale() == 0
            ? JsonNodeFactory.instance.numberNode(d.intValueExact())
            : JsonNodeFactory.instance.numberNode(d.doubleValue()));
      }
    }
    report.sanitized("image.metadata.invalid", key + "=" + v);
    return Optional.empty();
  }
}
