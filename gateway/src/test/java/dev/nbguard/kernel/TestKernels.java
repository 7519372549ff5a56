package dev.nbguard.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test kernelspec directory under target/ and a manager over it. */
final class TestKernels {

  static final String PYTHON = "py3test";
  static final String SLEEPER = "sleeper";
  static final String BROKEN = "broken";
  static final String PYTHON_MESSAGE_INTERRUPT = "py3msg";

  private TestKernels() {}

  /** {@code target/kernel-test-<tag>} with a real ipykernel spec and a never-answering one. */
  static Path dataDir(String tag) throws IOException {
    Path dir = Path.of("target", "kernel-test-" + tag).toAbsolutePath();
    Path py = Files.createDirectories(dir.resolve("kernels").resolve(PYTHON));
    Files.writeString(py.resolve("kernel.json"), """
        {"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
         "display_name": "Python 3 (test)", "language": "python",
         "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}, "metadata": {"debugger": false}}
        """);
    Path sleeper = Files.createDirectories(dir.resolve("kernels").resolve(SLEEPER));
    Files.writeString(sleeper.resolve("kernel.json"), """
        {"argv": ["/bin/sleep", "30"], "display_name": "never answers", "language": "none"}
        """);
    Path msg = Files.createDirectories(dir.resolve("kernels").resolve(PYTHON_MESSAGE_INTERRUPT));
    Files.writeString(msg.resolve("kernel.json"), """
        {"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
         "display_name": "Python 3 (interrupt by message)", "language": "python",
         "interrupt_mode": "message", "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1"}}
        """);
    Path broken = Files.createDirectories(dir.resolve("kernels").resolve(BROKEN));
    Files.writeString(broken.resolve("kernel.json"), """
        {"argv": ["/bin/sh", "-c", "echo kernel-went-boom >&2; exit 3", "{connection_file}"],
         "display_name": "exits at once", "language": "none"}
        """);
    return dir;
  }

  static ManagerOptions options() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    return ManagerOptions.defaults()
        .withBaseEnvironment(env)
        .withStopWait(Duration.ofSeconds(3))
        .withHub(HubOptions.DEFAULT.withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(2), 3));
  }

  static KernelManager manager(String tag, ManagerOptions options, Recorder recorder)
      throws IOException {
    Path data = dataDir(tag);
    return new KernelManager(options, new KernelSpecs(List.of(data)),
        new ConnectionFiles(data.resolve("runtime"), "127.0.0.1"), recorder, recorder,
        Clock.systemUTC());
  }
}
