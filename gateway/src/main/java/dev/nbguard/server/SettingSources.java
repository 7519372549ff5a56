package dev.nbguard.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a setting the command line did not give comes from: the {@code NBGUARD_<KEY>}
 * environment variable, then the configuration file (YAML or JSON, {@code key: value} with the
 * same snake_case keys, e.g. {@code max_kernels: 8}). Unknown keys and values of the wrong type
 * are errors that name the file and the key.
 */
final class SettingSources {

  private final Map<String, String> env;
  private final JsonNode file;
  private final String fileName;

  private SettingSources(Map<String, String> env, JsonNode file, String fileName) {
    this.env = env;
    this.file = file;
    this.fileName = fileName;
  }

  /**
   * @param configFile the file the command line named, else {@code NBGUARD_CONFIG}, else none
   * @param keys every key a file may hold
   * @throws IllegalArgumentException when the file cannot be read or holds what it must not
   */
  static SettingSources load(Optional<Path> configFile, Map<String, String> env,
      Set<String> keys) {
    Optional<Path> path = configFile.or(() -> Optional.ofNullable(env.get("NBGUARD_CONFIG"))
        .filter(v -> !v.isBlank()).map(Path::of));
    if (path.isEmpty()) {
      return new SettingSources(env, new ObjectMapper().createObjectNode(), "");
    }
    JsonNode tree = read(path.get());
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(path.get() + ": unknown settings " + unknown
          + "; known: " + new TreeSet<>(keys));
    }
    return new SettingSources(env, tree, path.get().toString());
  }

  Optional<String> string(String key) {
    Optional<String> e = envValue(key);
    if (e.isPresent()) {
      return e;
    }
    JsonNode v = file.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode() || v.isBinary()) {
      throw wrongType(key, "a single value");
    }
    return Optional.of(v.asText());
  }

  Optional<Integer> integer(String key) {
    return string(key).map(v -> parseInt(key, v));
  }

  Optional<Boolean> bool(String key) {
    return string(key).map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(describe(key) + " is not true or false: '"
          + v + "'");
    });
  }

  /** A list: comma-separated in the environment, a list (or one string) in the file. */
  List<String> list(String key) {
    List<String> out = new ArrayList<>();
    Optional<String> e = envValue(key);
    JsonNode v = file.get(key);
    if (e.isPresent()) {
      split(e.get(), out);
    } else if (v != null && v.isArray()) {
      for (JsonNode item : v) {
        if (!item.isTextual()) {
          throw wrongType(key, "a list of strings");
        }
        out.add(item.asText().trim());
      }
    } else if (v != null && v.isTextual()) {
      split(v.asText(), out);
    } else if (v != null && !v.isNull()) {
      throw wrongType(key, "a list of strings");
    }
    return out;
  }

  private Optional<String> envValue(String key) {
    return Optional.ofNullable(env.get("NBGUARD_" + key.toUpperCase(Locale.ROOT)))
        .filter(v -> !v.isBlank());
  }

  private String describe(String key) {
    String var = "NBGUARD_" + key.toUpperCase(Locale.ROOT);
    return envValue(key).isPresent() || fileName.isEmpty() ? var : fileName + ": " + key;
  }

  private IllegalArgumentException wrongType(String key, String expected) {
    return new IllegalArgumentException(fileName + ": " + key + " must be " + expected);
  }

  private int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(describe(key) + " is not a number: '" + value + "'");
    }
  }

  private static void split(String value, List<String> out) {
    for (String o : value.split(",")) {
      if (!o.isBlank()) {
        out.add(o.trim());
      }
    }
  }

  private static JsonNode read(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    boolean json = name.endsWith(".json");
    try {
      JsonNode tree = (json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
          .readTree(Files.readString(path));
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return new ObjectMapper().createObjectNode(); // an empty file: nothing set
      }
      if (!tree.isObject()) {
        throw new IllegalArgumentException(path + ": expected a mapping of settings");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(path + ": not valid " + (json ? "JSON" : "YAML") + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the configuration " + path + ": " + e);
    }
  }
}
