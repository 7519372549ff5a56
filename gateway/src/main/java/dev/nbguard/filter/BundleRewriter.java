package dev.nbguard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.SanitizedBundle;
import dev.nbguard.sanitizer.UrlPolicy;
import dev.nbguard.sanitizer.notebook.LanguageInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages that carry MIME bundles or URLs outside widgets: display/execute results, replies
 * with pager payloads and user expressions, inspection, rich debugger variables, help links.
 */
final class BundleRewriter {
  /** Payload sources that are kept; any other is dropped (frontends render none of them). */
  static final Set<String> PAYLOAD_SOURCES = Set.of("page", "set_next_input", "ask_exit");

  private final OutputPolicy policy;

  BundleRewriter(OutputPolicy policy) {
    this.policy = policy;
  }

  /** display_data, update_display_data, execute_result, inspect_reply: the content is a bundle. */
  Outcome wholeContent(ObjectNode content) {
    if (!content.has("data")) {
      return Outcome.UNCHANGED;
    }
    SanitizedBundle b = policy.sanitize(content);
    return changed(content, b) ? Outcome.rewritten(b.bundle(), b.findings()) : Outcome.UNCHANGED;
  }

  /** execute_reply: {@code payload[]} (pager bundles; unknown sources dropped), {@code user_expressions}. */
  Outcome executeReply(ObjectNode content) {
    List<Finding> findings = new ArrayList<>();
    ObjectNode out = content.deepCopy();
    JsonNode payload = content.get("payload");
    if (payload != null && payload.isArray() && !payload.isEmpty()) {
      ArrayNode kept = out.arrayNode();
      for (JsonNode item : payload) {
        String source = item.path("source").asText("");
        if (!item.isObject() || !PAYLOAD_SOURCES.contains(source)) {
          findings.add(new Finding("(payload)", Action.DROP, "payload.source.not-allowed",
              item.isObject() ? source : item.toString()));
        } else if (source.equals("page") && item.has("data")) {
          SanitizedBundle b = policy.sanitize(item);
          findings.addAll(b.findings());
          kept.add(changed(item, b) ? b.bundle() : item);
        } else {
          kept.add(item);
        }
      }
      out.set("payload", kept);
    } else if (payload != null && !payload.isArray() && !payload.isNull()) {
      findings.add(new Finding("(payload)", Action.DROP, "payload.invalid", payload.toString()));
      out.remove("payload");
    }
    JsonNode expressions = content.get("user_expressions");
    if (expressions != null && expressions.isObject()) {
      ObjectNode kept = out.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = expressions.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode value = e.getValue();
        if (value.isObject() && value.has("data")) {
          SanitizedBundle b = policy.sanitize(value);
          findings.addAll(b.findings());
          kept.set(e.getKey(), changed(value, b) ? b.bundle() : value);
        } else {
          kept.set(e.getKey(), value);
        }
      }
      out.set("user_expressions", kept);
    } else if (expressions != null && !expressions.isNull()) {
      findings.add(new Finding("(user_expressions)", Action.DROP, "user-expressions.invalid",
          expressions.toString()));
      out.remove("user_expressions");
    }
    return findings.isEmpty() && out.equals(content)
        ? Outcome.UNCHANGED : Outcome.rewritten(out, findings);
  }

  /** Control-channel debug_reply: {@code richInspectVariables} answers carry a bundle in {@code body}. */
  Outcome debugReply(ObjectNode content) {
    JsonNode body = content.get("body");
    if (body == null || !body.isObject() || !body.has("data")) {
      return Outcome.UNCHANGED;
    }
    SanitizedBundle b = policy.sanitize(body);
    if (!changed(body, b)) {
      return Outcome.UNCHANGED;
    }
    ObjectNode out = content.deepCopy();
    out.set("body", b.bundle());
    return Outcome.rewritten(out, b.findings());
  }

  /**
   * kernel_info_reply: help links whose URL is not a safe navigation are dropped; {@code
   * language_info} through {@link LanguageInfo} (classic Notebook loads its CodeMirror mode as a
   * RequireJS module).
   */
  Outcome kernelInfoReply(ObjectNode content) {
    JsonNode links = content.get("help_links");
    boolean hasLinks = links != null && !links.isNull();
    if (!hasLinks && !(content.get("language_info") instanceof ObjectNode)) {
      return Outcome.UNCHANGED;
    }
    List<Finding> findings = new ArrayList<>();
    ObjectNode out = content.deepCopy();
    if (hasLinks) {
      ArrayNode kept = out.arrayNode();
      if (!links.isArray()) {
        findings.add(new Finding("(help_links)", Action.DROP, "help-link.invalid", links.toString()));
      } else {
        for (JsonNode link : links) {
          JsonNode url = link.path("url");
          if (link.isObject() && url.isTextual()
              && policy.urls().allows(url.textValue(), UrlPolicy.Context.LINK)) {
            kept.add(link);
          } else {
            findings.add(new Finding("(help_links)", Action.DROP, "help-link.url.not-allowed",
                link.isObject() ? url.toString() : link.toString()));
          }
        }
      }
      if (!findings.isEmpty()) {
        out.set("help_links", kept);
      }
    }
    if (out.get("language_info") instanceof ObjectNode info) {
      findings.addAll(LanguageInfo.clean(info));
    }
    return findings.isEmpty() ? Outcome.UNCHANGED : Outcome.rewritten(out, findings);
  }

  private static boolean changed(JsonNode in, SanitizedBundle b) {
    return b.changed() || !b.bundle().equals(in);
  }
}
