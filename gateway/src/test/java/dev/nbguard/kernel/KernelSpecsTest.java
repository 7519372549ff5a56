package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecsTest {

  @TempDir
  Path tmp;

  private Path spec(Path dataDir, String name, String json) throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve("kernels").resolve(name));
    Files.writeString(dir.resolve("kernel.json"), json);
    return dir;
  }

  private static String argv(String display) {
    return "{\"argv\": [\"python\", \"-f\", \"{connection_file}\"], \"display_name\": \""
        + display + "\", \"language\": \"python\"}";
  }

  @Test
  void readsEveryFieldAndListsResources() throws IOException {
    Path dir = spec(tmp, "python3", """
        {"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
         "display_name": "Python 3", "language": "python", "interrupt_mode": "message",
         "env": {"A": "1"}, "metadata": {"debugger": true}}
        """);
    Files.write(dir.resolve("logo-64x64.png"), new byte[] {1});
    Files.writeString(dir.resolve("kernel.js"), "//");
    Files.createDirectory(dir.resolve("subdir"));

    KernelSpec s = new KernelSpecs(List.of(tmp)).find("python3").orElseThrow();

    assertEquals(List.of("/usr/bin/python3", "-m", "ipykernel_launcher", "-f",
        "{connection_file}"), s.argv());
    assertEquals("Python 3", s.displayName());
    assertEquals("python", s.language());
    assertEquals(InterruptMode.MESSAGE, s.interruptMode());
    assertEquals(Map.of("A", "1"), s.env());
    assertEquals("{\"debugger\":true}", s.metadata());
    assertEquals(List.of("kernel.js", "logo-64x64.png"), s.resourceFiles());
    assertEquals(Optional.of(dir.resolve("kernel.js")), s.resource("kernel.js"));
    assertEquals(Optional.empty(), s.resource("../kernel.json"));
    assertEquals("message", s.toJson().path("interrupt_mode").asText());
    assertTrue(s.toJson().path("metadata").path("debugger").asBoolean());
  }

  @Test
  void defaultsInterruptModeToSignalAndDisplayNameToName() throws IOException {
    spec(tmp, "bare", "{\"argv\": [\"k\"]}");
    KernelSpec s = new KernelSpecs(List.of(tmp)).find("bare").orElseThrow();
    assertEquals(InterruptMode.SIGNAL, s.interruptMode());
    assertEquals("bare", s.displayName());
    assertEquals("{}", s.metadata());
  }

  @Test
  void firstDirectoryWins() throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    spec(first, "k", argv("from first"));
    spec(second, "k", argv("from second"));
    spec(second, "other", argv("only in second"));

    KernelSpecs specs = new KernelSpecs(List.of(first, second));

    assertEquals("from first", specs.find("k").orElseThrow().displayName());
    Map<String, KernelSpec> all = specs.findAll();
    assertEquals(List.of("k", "other"), List.copyOf(all.keySet()));
    assertEquals("from first", all.get("k").displayName());
  }

  @Test
  void badKernelJsonIsSkippedNotFatal() throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    spec(first, "k", "{ not json");
    spec(second, "k", argv("good"));
    spec(first, "noargv", "{\"display_name\": \"x\"}");
    spec(first, "argvnotstrings", "{\"argv\": [1, 2]}");
    spec(first, "badmode", "{\"argv\": [\"k\"], \"interrupt_mode\": \"telepathy\"}");
    spec(first, "badenv", "{\"argv\": [\"k\"], \"env\": {\"A\": 1}}");
    spec(first, "array", "[1]");
    spec(first, "bad name!", argv("x"));

    KernelSpecs specs = new KernelSpecs(List.of(first, second));

    assertEquals(List.of("k"), List.copyOf(specs.findAll().keySet()));
    assertEquals("good", specs.find("k").orElseThrow().displayName());
    assertEquals(Optional.empty(), specs.find("badmode"));
    assertEquals(Optional.empty(), specs.find("../first/kernels/k"));
  }

  @Test
  void missingDirectoriesAreFine() {
    assertEquals(Map.of(), new KernelSpecs(List.of(tmp.resolve("nowhere"))).findAll());
  }

  @Test
  void jupyterDataDirsFollowJupytersOrder() {
    List<Path> dirs = KernelSpecs.jupyterDataDirs(
        Map.of("JUPYTER_PATH", "/a:/b", "JUPYTER_DATA_DIR", "/data"), Path.of("/home/u"));
    assertEquals(List.of(Path.of("/a"), Path.of("/b"), Path.of("/data"),
        Path.of("/usr/local/share/jupyter"), Path.of("/usr/share/jupyter")), dirs);
    assertEquals(Path.of("/home/u/.local/share/jupyter"),
        KernelSpecs.jupyterDataDirs(Map.of(), Path.of("/home/u")).get(0));
  }

  @Test
  void findsDebiansPython3Kernelspec() {
    assumeTrue(Files.isRegularFile(Path.of("/usr/share/jupyter/kernels/python3/kernel.json")));
    KernelSpec s = new KernelSpecs(List.of(Path.of("/usr/share/jupyter"))).find("python3")
        .orElseThrow();
    assertEquals("python", s.language());
    assertTrue(s.argv().contains("{connection_file}"));
    assertTrue(s.resourceFiles().contains("logo-64x64.png"), s.resourceFiles().toString());
  }
}
