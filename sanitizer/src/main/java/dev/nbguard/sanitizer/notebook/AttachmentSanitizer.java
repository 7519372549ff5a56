package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.SanitizedBundle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cell attachments ({@code {name: {mime: base64}}}): each one is a MIME bundle that Markdown
 * shows as an image ({@code data:MIME;base64,…}), so only image types go through the policy
 * (raster images validated; SVG decoded, sanitized and encoded again); anything else is dropped.
 * An attachment left with nothing is removed.
 */
final class AttachmentSanitizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String SVG = "image/svg+xml";
  private final OutputPolicy policy;

  AttachmentSanitizer(OutputPolicy policy) {
    this.policy = policy;
  }

  void sanitize(int cellIndex, ObjectNode cell, List<NotebookFinding> findings) {
    JsonNode all = cell.get("attachments");
    if (!(all instanceof ObjectNode attachments)) {
      cell.remove("attachments");
      findings.add(new NotebookFinding(cellIndex, -1, "attachments",
          new Finding("(attachment)", Action.DROP, "attachment.not-an-object", all.toString())));
      return;
    }
    for (String name : new ArrayList<>(iterable(attachments))) {
      String where = "attachments/" + name;
      JsonNode bundle = attachments.get(name);
      if (!bundle.isObject()) {
        attachments.remove(name);
        findings.add(new NotebookFinding(cellIndex, -1, where,
            new Finding("(attachment)", Action.DROP, "attachment.not-an-object", bundle.toString())));
        continue;
      }
      if (bundle.isEmpty()) {
        continue;
      }
      ObjectNode images = JSON.objectNode();
      Map<String, JsonNode> base64Svg = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : bundle.properties()) {
        String mime = e.getKey().toLowerCase(Locale.ROOT);
        if (mime.equals(SVG)) {
          Optional<String> decoded = decodeBase64(e.getValue());
          decoded.ifPresent(svg -> base64Svg.put(e.getKey(), TextNode.valueOf(svg)));
          images.set(e.getKey(), decoded.<JsonNode>map(TextNode::valueOf).orElse(e.getValue()));
        } else if (mime.startsWith("image/")) {
          images.set(e.getKey(), e.getValue());
        } else {
          findings.add(new NotebookFinding(cellIndex, -1, where,
              new Finding(e.getKey(), Action.DROP, "attachment.not-an-image", e.getKey())));
        }
      }
      ObjectNode wrapper = JSON.objectNode();
      wrapper.set("data", images);
      SanitizedBundle result = policy.sanitize(wrapper);
      ObjectNode kept = (ObjectNode) result.bundle().get("data");
      for (Finding f : result.findings()) {
        if (f.rule().equals("notice.added")) {
          kept.remove(f.mimeType()); // a text notice means nothing to an image reference
        } else {
          findings.add(new NotebookFinding(cellIndex, -1, where, f));
        }
      }
      // Frontends show attachments as data:MIME;base64 URLs: SVG goes back into base64.
      base64Svg.forEach((mime, decoded) -> {
        JsonNode after = kept.get(mime);
        if (after != null) {
          kept.set(mime, after.equals(decoded) ? bundle.get(mime) : TextNode.valueOf(
              Base64.getEncoder().encodeToString(text(after).getBytes(StandardCharsets.UTF_8))));
        }
      });
      if (kept.isEmpty()) {
        attachments.remove(name);
      } else if (!kept.equals(bundle)) {
        attachments.set(name, kept);
      }
    }
  }

  /** The SVG text of a base64 value (a string or nbformat's list of lines); empty if not base64. */
  private static Optional<String> decodeBase64(JsonNode value) {
    String joined = text(value);
    if (joined.stripLeading().startsWith("<")) {
      return Optional.empty(); // stored as SVG text already
    }
    try {
      return Optional.of(new String(Base64.getMimeDecoder().decode(joined), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not base64: the SVG policy will refuse it
    }
  }

  private static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    StringBuilder sb = new StringBuilder();
    value.forEach(line -> sb.append(line.asText()));
    return sb.toString();
  }

  private static List<String> iterable(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
