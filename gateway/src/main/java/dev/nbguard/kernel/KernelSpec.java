package dev.nbguard.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One kernelspec: a {@code kernel.json} and the directory it lives in.
 *
 * @param name the directory name, e.g. {@code python3}
 * @param argv the command line; {@code {connection_file}} is replaced at launch
 * @param displayName {@code display_name}
 * @param language {@code language}
 * @param env extra environment for the kernel process
 * @param interruptMode {@code interrupt_mode}
 * @param metadata {@code metadata} as JSON text of one object ({@code {}} when absent)
 * @param resourceDir the kernelspec directory
 * @param resourceFiles regular files in {@link #resourceDir} besides kernel.json, sorted
 */
public record KernelSpec(
    String name,
    List<String> argv,
    String displayName,
    String language,
    Map<String, String> env,
    InterruptMode interruptMode,
    String metadata,
    Path resourceDir,
    List<String> resourceFiles) {

  /** Jupyter's rule for kernel names (case-insensitive). */
  public static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9._-]+$");

  private static final ObjectMapper JSON = new ObjectMapper();

  public KernelSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid kernel name '" + name + "'");
    }
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("kernel '" + name + "' has an empty argv");
    }
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(language, "language");
    env = Map.copyOf(env);
    Objects.requireNonNull(interruptMode, "interruptMode");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(resourceDir, "resourceDir");
    resourceFiles = List.copyOf(resourceFiles);
  }

  /** The path of resource {@code fileName}, if it is one of {@link #resourceFiles()}. */
  public Optional<Path> resource(String fileName) {
    return resourceFiles.contains(fileName)
        ? Optional.of(resourceDir.resolve(fileName))
        : Optional.empty();
  }

  /** A fresh kernel.json tree, as the REST API returns it under {@code spec}. */
  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    argv.forEach(o.putArray("argv")::add);
    o.put("display_name", displayName);
    o.put("language", language);
    o.put("interrupt_mode", interruptMode.wireName());
    ObjectNode e = o.putObject("env");
    env.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(x -> e.put(x.getKey(), x.getValue()));
    try {
      JsonNode m = JSON.readTree(metadata);
      o.set("metadata", m);
    } catch (java.io.IOException ex) {
      o.putObject("metadata"); // cannot happen: metadata was checked when read
    }
    return o;
  }
}
