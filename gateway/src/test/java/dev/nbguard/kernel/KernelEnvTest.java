package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelEnvTest {

  @Test
  void keepsKernelVariables() {
    KernelEnv env = KernelEnv.of(Map.of("KERNEL_USERNAME", "ada", "KERNEL_X_1", ""));
    assertEquals(Map.of("KERNEL_USERNAME", "ada", "KERNEL_X_1", ""), env.asMap());
  }

  @Test
  void ignoresEverythingOutsideTheKernelPrefixAsJupyterServerSendsItsWholeEnvironment() {
    Map<String, String> asked = new HashMap<>(System.getenv());
    asked.put("PATH", "/evil");
    asked.put("LD_PRELOAD", "/tmp/x.so");
    asked.put("kernel_user", "a\nb");
    asked.put("JPY_SESSION_NAME", "nb.ipynb");
    asked.put("KERNEL_USERNAME", "ada");
    KernelEnv env = KernelEnv.of(asked);
    assertEquals(Map.of("KERNEL_USERNAME", "ada"), env.asMap());
    assertTrue(env.ignored().containsAll(List.of("JPY_SESSION_NAME", "LD_PRELOAD", "PATH",
        "kernel_user")), env.ignored().toString());
  }

  @Test
  void rejectsMalformedKernelNames() {
    for (String bad : List.of("KERNEL_", "KERNEL_a", "KERNEL_A-B", "KERNEL_A\n", "KERNEL_A=B")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> KernelEnv.of(Map.of(bad, "v")), bad);
      assertTrue(e.getMessage().contains("KERNEL_[A-Z0-9_]+"), e.getMessage());
    }
  }

  @Test
  void rejectsControlCharactersInValues() {
    for (String bad : List.of("a\nb", "a\u0000", "\u001b[31m", "x\u007f", "\u0085")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> KernelEnv.of(Map.of("KERNEL_A", bad)));
      assertTrue(e.getMessage().contains("control character"), e.getMessage());
    }
  }

  @Test
  void rejectsNullValues() {
    Map<String, String> m = new HashMap<>();
    m.put("KERNEL_A", null);
    assertThrows(IllegalArgumentException.class, () -> KernelEnv.of(m));
  }

  @Test
  void toStringHidesValues() {
    assertFalse(KernelEnv.of(Map.of("KERNEL_TOKEN", "s3cret")).toString().contains("s3cret"));
  }

  @Test
  void argvPlaceholdersAreReplaced() {
    KernelSpec spec = new KernelSpec("k", List.of("run", "{resource_dir}/boot.py", "-f",
        "{connection_file}"), "K", "python", Map.of(), InterruptMode.SIGNAL, "{}",
        Path.of("/specs/k"), List.of());
    assertEquals(List.of("run", "/specs/k/boot.py", "-f", "/run/kernel-1.json"),
        KernelProcess.command(spec, Path.of("/run/kernel-1.json")));
  }

  @Test
  void specEnvWinsAndGatewaySettingsStayOut() {
    KernelSpec spec = new KernelSpec("k", List.of("x"), "K", "python",
        Map.of("KERNEL_MODE", "spec"), InterruptMode.SIGNAL, "{}", Path.of("/tmp"), List.of());
    Map<String, String> env = KernelProcess.environment(
        Map.of("PATH", "/bin", "NBGUARD_TOKEN", "secret"), spec,
        KernelEnv.of(Map.of("KERNEL_MODE", "client", "KERNEL_USER", "ada")));
    assertEquals(Map.of("PATH", "/bin", "KERNEL_MODE", "spec", "KERNEL_USER", "ada"), env);
  }
}
