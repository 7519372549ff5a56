package dev.nbguard.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds kernelspecs in Jupyter data directories, in the order given: for each directory,
 * {@code <dir>/kernels/<name>/kernel.json}; the first directory that has a name wins. A bad
 * kernel.json is skipped with a logged warning. Reads the disk on every call (kernelspecs may be
 * installed while the gateway runs); thread-safe.
 */
public final class KernelSpecs {

  private static final System.Logger LOG = System.getLogger(KernelSpecs.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_KERNEL_JSON_BYTES = 1 << 20;

  private final List<Path> dataDirs;

  /** Searches {@code dataDirs}, first to last. */
  public KernelSpecs(List<Path> dataDirs) {
    this.dataDirs = List.copyOf(dataDirs);
  }

  /**
   * Jupyter's data directories for this environment, in Jupyter's order: each
   * {@code JUPYTER_PATH} entry, the user data dir ({@code JUPYTER_DATA_DIR} or
   * {@code ~/.local/share/jupyter}), {@code /usr/local/share/jupyter}, {@code /usr/share/jupyter}.
   */
  public static List<Path> jupyterDataDirs(Map<String, String> env, Path home) {
    List<Path> out = new ArrayList<>();
    String jupyterPath = env.getOrDefault("JUPYTER_PATH", "");
    for (String entry : jupyterPath.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        out.add(Path.of(entry));
      }
    }
    String dataDir = env.getOrDefault("JUPYTER_DATA_DIR", "");
    out.add(dataDir.isBlank() ? home.resolve(".local/share/jupyter") : Path.of(dataDir));
    out.add(Path.of("/usr/local/share/jupyter"));
    out.add(Path.of("/usr/share/jupyter"));
    return out.stream().distinct().toList();
  }

  /** Searches this machine's Jupyter data directories ({@link #jupyterDataDirs}). */
  public static KernelSpecs fromEnvironment() {
    return new KernelSpecs(
        jupyterDataDirs(System.getenv(), Path.of(System.getProperty("user.home"))));
  }

  public List<Path> dataDirs() {
    return dataDirs;
  }

  /** Every valid kernelspec, by name (sorted). */
  public Map<String, KernelSpec> findAll() {
    Map<String, KernelSpec> found = new TreeMap<>();
    for (Path dir : dataDirs) {
      Path kernels = dir.resolve("kernels");
      if (!Files.isDirectory(kernels)) {
        continue;
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(kernels)) {
        for (Path specDir : entries) {
          String name = specDir.getFileName().toString().toLowerCase(Locale.ROOT);
          if (found.containsKey(name) || !Files.isRegularFile(specDir.resolve("kernel.json"))) {
            continue;
          }
          read(name, specDir).ifPresent(spec -> found.put(name, spec));
        }
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot list kernelspecs in " + kernels + ": " + e);
      }
    }
    return new LinkedHashMap<>(found);
  }

  /** The kernelspec called {@code name} (case-insensitive), if any directory has a valid one. */
  public Optional<KernelSpec> find(String name) {
    Objects.requireNonNull(name, "name");
    if (!KernelSpec.NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (Path dir : dataDirs) {
      Path specDir = dir.resolve("kernels").resolve(lower);
      if (Files.isRegularFile(specDir.resolve("kernel.json"))) {
        Optional<KernelSpec> spec = read(lower, specDir);
        if (spec.isPresent()) {
          return spec;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<KernelSpec> read(String name, Path specDir) {
    Path file = specDir.resolve("kernel.json");
    try {
      if (!KernelSpec.NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid kernel name");
      }
      if (Files.size(file) > MAX_KERNEL_JSON_BYTES) {
        throw new IllegalArgumentException("kernel.json is larger than 1 MiB");
      }
      JsonNode root = JSON.readTree(file.toFile());
      return Optional.of(parse(name, root, specDir));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "skipping kernelspec " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Builds a spec from a parsed kernel.json.
   *
   * @throws IllegalArgumentException naming the bad field
   */
  static KernelSpec parse(String name, JsonNode root, Path specDir) throws IOException {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("kernel.json is not a JSON object");
    }
    JsonNode argvNode = root.get("argv");
    if (argvNode == null || !argvNode.isArray() || argvNode.isEmpty()) {
      throw new IllegalArgumentException("argv must be a non-empty array of strings");
    }
    List<String> argv = new ArrayList<>();
    for (JsonNode a : argvNode) {
      if (!a.isTextual()) {
        throw new IllegalArgumentException("argv must be a non-empty array of strings");
      }
      argv.add(a.asText());
    }
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode envNode = root.get("env");
    if (envNode != null && !envNode.isNull()) {
      if (!envNode.isObject()) {
        throw new IllegalArgumentException("env must be an object of strings");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = envNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException("env." + e.getKey() + " must be a string");
        }
        env.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode metadata = root.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      throw new IllegalArgumentException("metadata must be an object");
    }
    String metadataJson = metadata == null || metadata.isNull()
        ? "{}" : JSON.writeValueAsString(metadata);
    return new KernelSpec(name, argv, text(root, "display_name", name), text(root, "language", ""),
        env, InterruptMode.parse(text(root, "interrupt_mode", "signal")), metadataJson, specDir,
        resourceFiles(specDir));
  }

  private static String text(JsonNode root, String field, String fallback) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return n.asText();
  }

  private static List<String> resourceFiles(Path specDir) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(specDir)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        if (!n.equals("kernel.json") && Files.isRegularFile(f)) {
          out.add(n);
        }
      }
    }
    out.sort(null);
    return out;
  }
}
