package dev.nbguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.kernel.KernelModel;
import dev.nbguard.kernel.KernelSpec;
import java.util.Collection;
import java.util.function.ToIntFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the Kernel Gateway REST API. */
final class RestJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private RestJson() {}

  /**
   * {@code {"id","name","last_activity","execution_state","connections"}}; connections are the
   * open client WebSockets (a session kept for a reconnection is not one).
   */
  static ObjectNode model(KernelModel m, ToIntFunction<String> connections) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", m.id());
    o.put("name", m.name());
    o.put("last_activity", m.lastActivityText());
    o.put("execution_state", m.executionState().wireName());
    o.put("connections", connections.applyAsInt(m.id()));
    return o;
  }

  static ArrayNode models(Collection<KernelModel> models, ToIntFunction<String> connections) {
    ArrayNode a = JSON.createArrayNode();
    models.forEach(m -> a.add(model(m, connections)));
    return a;
  }

  /**
   * {@code {"name","spec","resources"}}; resources as Jupyter lists them: {@code logo-*} files by
   * stem, {@code kernel.js} and {@code kernel.css} by name, each the URL path of the file.
   */
  static ObjectNode spec(KernelSpec s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", s.name());
    o.set("spec", s.toJson());
    ObjectNode resources = o.putObject("resources");
    for (String f : s.resourceFiles()) {
      String url = "/kernelspecs/" + s.name() + "/" + f;
      if (f.startsWith("logo-")) {
        int dot = f.lastIndexOf('.');
        resources.put(dot > 0 ? f.substring(0, dot) : f, url);
      } else if (f.equals("kernel.js") || f.equals("kernel.css")) {
        resources.put(f, url);
      }
    }
    return o;
  }

  /** {@code {"default": name, "kernelspecs": {name: spec}}}. */
  static ObjectNode specs(String defaultName, Map<String, KernelSpec> all) {
    ObjectNode o = JSON.createObjectNode();
    String def = all.containsKey(defaultName) || all.isEmpty()
        ? defaultName : all.keySet().iterator().next();
    o.put("default", def);
    ObjectNode specs = o.putObject("kernelspecs");
    all.forEach((name, s) -> specs.set(name, spec(s)));
    return o;
  }

  /** A start request: the spec name (if given) and the env entries, all checked. */
  record StartRequest(Optional<String> name, Map<String, String> env) {}

  /**
   * Parses a {@code POST /api/kernels} body ({@code {"name": …, "env": {…}}}; may be empty).
   *
   * @throws HttpError 400 for anything malformed
   */
  static StartRequest startRequest(String body) {
    if (body == null || body.isBlank()) {
      return new StartRequest(Optional.empty(), Map.of());
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw HttpError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw HttpError.badRequest("request body must be a JSON object");
    }
    Optional<String> name = Optional.empty();
    JsonNode n = root.get("name");
    if (n != null && !n.isNull()) {
      if (!n.isTextual()) {
        throw HttpError.badRequest("'name' must be a string");
      }
      name = Optional.of(n.asText()).filter(x -> !x.isEmpty());
    }
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode e = root.get("env");
    if (e != null && !e.isNull()) {
      if (!e.isObject()) {
        throw HttpError.badRequest("'env' must be an object of strings");
      }
      for (var entry : e.properties()) {
        if (!entry.getValue().isTextual()) {
          throw HttpError.badRequest("env." + entry.getKey() + " must be a string");
        }
        env.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return new StartRequest(name, env);
  }
}
