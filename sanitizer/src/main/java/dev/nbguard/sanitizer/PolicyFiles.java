package dev.nbguard.sanitizer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy file (YAML or JSON) into a {@link PolicyConfig}. The file starts from a preset
 * ({@code extends:}, default {@code default}) and refines it:
 *
 * <pre>
 * extends: default
 * mime: {text/html: sanitize, "image/*": allow}
 * urlSchemes: [http, https, mailto]
 * widgetModules: ["@jupyter-widgets/controls"]
 * cssProperties: [color, background-color]
 * limits: {maxRepresentationChars: 33554432, maxNestingDepth: 8, sandboxHeightPx: 480}
 * </pre>
 *
 * {@code mime} entries are added to (or replace) the preset's; the three lists replace the
 * preset's lists; {@code limits} keys replace the preset's values one by one. Anything else —
 * an unknown key, a wrong type, an unknown action — is an {@link IllegalArgumentException}
 * naming the file and the key.
 */
public final class PolicyFiles {
  private static final Set<String> TOP_KEYS =
      Set.of("extends", "mime", "urlSchemes", "widgetModules", "cssProperties", "limits");
  private static final Set<String> LIMIT_KEYS =
      Set.of("maxRepresentationChars", "maxNestingDepth", "sandboxHeightPx");
  private static final Pattern MIME =
      Pattern.compile("[a-z0-9*][a-z0-9!#$&^_.+*-]*/[a-z0-9!#$&^_.+*-]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*", Pattern.CASE_INSENSITIVE);
  /** Schemes that run script when followed; a policy file may not allow them. */
  private static final Set<String> SCRIPT_SCHEMES = Set.of("javascript", "vbscript", "livescript");

  private PolicyFiles() {}

  /**
   * A preset name ({@code strict}, {@code default}, {@code permissive}, any case) or the path of a
   * policy file. Preset names win over a file of the same name; write {@code ./strict} for the file.
   */
  public static PolicyConfig resolve(String presetOrPath) {
    String name = presetOrPath.trim();
    for (Preset p : Preset.values()) {
      if (p.label().equalsIgnoreCase(name)) {
        return PolicyConfig.builder(p).build();
      }
    }
    Path file = Path.of(presetOrPath);
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "no preset or policy file named '" + presetOrPath
              + "' (presets: strict, default, permissive)");
    }
    return load(file);
  }

  /** Reads a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}, or text starting with {@code {}) policy file. */
  public static PolicyConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such policy file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read policy file: " + e.getMessage(), e);
    }
    return parse(file.toString(), text, isJson(file, text));
  }

  /** Parses policy text; {@code source} names it in error messages. */
  public static PolicyConfig parse(String source, String text, boolean json) {
    JsonNode root = read(source, text, json);
    return new Reader(source).config(root);
  }

  private static boolean isJson(Path file, String text) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return true;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return false;
    }
    return text.stripLeading().startsWith("{");
  }

  private static JsonNode read(String source, String text, boolean json) {
    ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try {
      JsonNode root = mapper.readTree(text);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw new IllegalArgumentException(source + ": the policy file is empty");
      }
      return root;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          source + ": line " + e.getLocation().getLineNr() + ": not valid "
              + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          source + ": not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Turns the parsed tree into a config, checking every key and type. */
  private record Reader(String source) {
    PolicyConfig config(JsonNode root) {
      if (!root.isObject()) {
        throw error("(top level)", "must be a mapping of policy keys, got " + kind(root));
      }
      checkKeys(root, TOP_KEYS, "");
      Preset base = Preset.DEFAULT;
      JsonNode ext = root.path("extends");
      if (!ext.isMissingNode()) {
        String name = text(ext, "extends");
        try {
          base = Preset.parse(name);
        } catch (IllegalArgumentException e) {
          throw error("extends", e.getMessage());
        }
      }
      PolicyConfig.Builder b = PolicyConfig.builder(base);
      JsonNode mime = root.path("mime");
      if (!mime.isMissingNode()) {
        mimes(mime, b);
      }
      if (root.has("urlSchemes")) {
        b.urlSchemes(schemes(root.get("urlSchemes")));
      }
      if (root.has("widgetModules")) {
        b.widgetModules(strings(root.get("widgetModules"), "widgetModules"));
      }
      if (root.has("cssProperties")) {
        Set<String> props = strings(root.get("cssProperties"), "cssProperties");
        for (String p : props) {
          if (!p.matches("-?[a-zA-Z][a-zA-Z0-9-]*")) {
            throw error("cssProperties", "'" + p + "' is not a CSS property name");
          }
        }
        b.cssProperties(props);
      }
      PolicyConfig partial = b.build();
      if (root.has("limits")) {
        b.limits(limits(root.get("limits"), partial.limits()));
      }
      return b.build();
    }

    private void mimes(JsonNode mime, PolicyConfig.Builder b) {
      if (!mime.isObject()) {
        throw error("mime", "must be a mapping of MIME type to action, got " + kind(mime));
      }
      Iterator<Map.Entry<String, JsonNode>> it = mime.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = "mime." + e.getKey();
        if (!MIME.matcher(e.getKey().trim()).matches()) {
          throw error(key, "'" + e.getKey() + "' is not a MIME type or pattern (e.g. text/html, image/*)");
        }
        String value = text(e.getValue(), key);
        try {
          b.mime(e.getKey(), Action.parse(value));
        } catch (IllegalArgumentException ex) {
          throw error(key, ex.getMessage());
        }
      }
    }

    private Set<String> schemes(JsonNode node) {
      Set<String> out = strings(node, "urlSchemes");
      for (String s : out) {
        if (!SCHEME.matcher(s).matches()) {
          throw error("urlSchemes", "'" + s + "' is not a URL scheme (write it without ':')");
        }
        if (SCRIPT_SCHEMES.contains(s.toLowerCase(Locale.ROOT))) {
          throw error("urlSchemes", "'" + s + "' runs script and cannot be allowed");
        }
      }
      return out;
    }

    private PolicyConfig.Limits limits(JsonNode node, PolicyConfig.Limits base) {
      if (!node.isObject()) {
        throw error("limits", "must be a mapping, got " + kind(node));
      }
      checkKeys(node, LIMIT_KEYS, "limits.");
      long chars = node.has("maxRepresentationChars")
          ? positive(node.get("maxRepresentationChars"), "limits.maxRepresentationChars", Long.MAX_VALUE)
          : base.maxRepresentationChars();
      int depth = node.has("maxNestingDepth")
          ? (int) positive(node.get("maxNestingDepth"), "limits.maxNestingDepth", Integer.MAX_VALUE)
          : base.maxNestingDepth();
      int height = node.has("sandboxHeightPx")
          ? (int) positive(node.get("sandboxHeightPx"), "limits.sandboxHeightPx", Integer.MAX_VALUE)
          : base.sandboxHeightPx();
      return new PolicyConfig.Limits(chars, depth, height);
    }

    private long positive(JsonNode node, String key, long max) {
      if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() <= 0
          || node.longValue() > max) {
        throw error(key, "must be a positive integer (at most " + max + "), got " + shown(node));
      }
      return node.longValue();
    }

    private Set<String> strings(JsonNode node, String key) {
      if (!node.isArray()) {
        throw error(key, "must be a list of strings, got " + kind(node));
      }
      Set<String> out = new LinkedHashSet<>();
      for (JsonNode item : node) {
        String s = text(item, key);
        if (s.isBlank()) {
          throw error(key, "has an empty entry");
        }
        out.add(s.trim());
      }
      return out;
    }

    private String text(JsonNode node, String key) {
      if (!node.isTextual()) {
        throw error(key, "must be a string, got " + kind(node) + " " + shown(node));
      }
      return node.textValue();
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw error(prefix + name, "unknown key (expected one of "
              + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
      }
    }

    private IllegalArgumentException error(String key, String message) {
      return new IllegalArgumentException(source + ": " + key + ": " + message);
    }

    private static String kind(JsonNode node) {
      return switch (node.getNodeType()) {
        case OBJECT -> "a mapping";
        case ARRAY -> "a list";
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "nothing (null)";
        default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
      };
    }

    private static String shown(JsonNode node) {
      String s = node.toString();
      return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }
  }
}
