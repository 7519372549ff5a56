package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.SanitizedBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cell attachments ({@code {name: {mime: base64}}}): each one is a MIME bundle that Markdown
 * shows as an image, so only image types go through the policy (raster images validated, SVG
 * sanitized); anything else is dropped. An attachment left with nothing is removed.
 */
final class AttachmentSanitizer {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
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
      for (Map.Entry<String, JsonNode> e : bundle.properties()) {
        if (e.getKey().toLowerCase(Locale.ROOT).startsWith("image/")) {
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
      if (kept.isEmpty()) {
        attachments.remove(name);
      } else if (!kept.equals(bundle)) {
        attachments.set(name, kept);
      }
    }
  }

  private static List<String> iterable(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
