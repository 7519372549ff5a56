package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JupyterFlavorTest {

  private static void executable(Path dir, String name) throws Exception {
    Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void nothingOnThePathFindsNothingAndTheInstallCommandIsExact(@TempDir Path empty) {
    assertEquals(Optional.empty(), JupyterFlavor.find(empty.toString()));
    assertEquals(Optional.empty(), JupyterFlavor.find(""));
    assertEquals("apt-get update && apt-get install -y --no-install-recommends python3-ipykernel"
        + " jupyter-server python3-jupyter-server python3-nbclassic jupyter-notebook",
        JupyterFlavor.installCommand(true));
    assertTrue(JupyterFlavor.installCommand(false).startsWith("sudo apt-get update && sudo "));
  }

  @Test
  void labIsPreferredThenNbclassicThenNotebook(@TempDir Path a, @TempDir Path b)
      throws Exception {
    executable(a, "jupyter-notebook");
    executable(b, "jupyter-nbclassic");
    String path = a + java.io.File.pathSeparator + b;
    assertEquals(JupyterFlavor.NBCLASSIC, JupyterFlavor.find(path).orElseThrow().flavor());
    executable(a, "jupyter-lab");
    assertEquals(JupyterFlavor.LAB, JupyterFlavor.find(path).orElseThrow().flavor());
    Files.setPosixFilePermissions(a.resolve("jupyter-lab"),
        PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(JupyterFlavor.NBCLASSIC, JupyterFlavor.find(path).orElseThrow().flavor());
  }
}
