package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the browser harness saw for one case: whether script ran (and the signals that say so),
 * non-counting observations, an error if the case could not be rendered, and for benign cases
 * the measurements of what was displayed.
 */
public record HarnessResult(
    String id, boolean executed, JsonNode signals, JsonNode observed, Optional<String> error,
    Optional<JsonNode> measure) {

  static HarnessResult of(JsonNode node) {
    return new HarnessResult(
        node.path("id").asText(),
        node.path("executed").asBoolean(false),
        node.path("signals"),
        node.path("observed"),
        node.path("error").isTextual() ? Optional.of(node.get("error").textValue()) : Optional.empty(),
        node.path("measure").isObject() ? Optional.of(node.get("measure")) : Optional.empty());
  }

  /** One line per signal, e.g. {@code dialog alert "1"} or {@code request POST /api/kernels}. */
  public List<String> signalLines() {
    List<String> lines = new ArrayList<>();
    for (JsonNode s : signals) {
      String type = s.path("type").asText();
      lines.add(switch (type) {
        case "dialog", "popup-dialog" ->
            type + " " + s.path("dialog").asText() + " \"" + s.path("message").asText() + "\"";
        case "request" ->
            "request " + s.path("method").asText() + " " + s.path("url").asText()
                + (s.path("upgrade").asBoolean() ? " (WebSocket)" : "")
                + " sec-fetch-dest=" + s.path("dest").asText();
        case "navigation" -> "top page navigated to " + s.path("url").asText();
        case "pwn" -> "__nbgPwn('" + s.path("id").asText() + "') in the top page";
        case "app" -> "app " + s.path("id").asText();
        default -> s.toString();
      });
    }
    return lines;
  }

  public String describe() {
    String lines = String.join("; ", signalLines());
    return (executed ? "executed: " + lines : "did not execute")
        + error.map(e -> " (harness error: " + e + ")").orElse("");
  }
}
