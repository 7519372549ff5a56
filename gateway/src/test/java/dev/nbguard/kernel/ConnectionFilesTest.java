package dev.nbguard.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.protocol.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionFilesTest {

  @TempDir
  Path tmp;

  @Test
  void writesOwnerOnlyFileInOwnerOnlyDir() throws Exception {
    ConnectionFiles files = new ConnectionFiles(tmp.resolve("runtime"), "127.0.0.1");
    ConnectionInfo info = files.allocate("python3");
    Path file = files.write("abc-123", info);

    assertEquals("rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(files.runtimeDir())));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    JsonNode json = Recorder.JSON.readTree(file.toFile());
    assertEquals(info.key(), json.path("key").asText());
    assertEquals("hmac-sha256", json.path("signature_scheme").asText());
    assertEquals("tcp", json.path("transport").asText());
    assertEquals("127.0.0.1", json.path("ip").asText());
    assertEquals("python3", json.path("kernel_name").asText());
    assertEquals(info.shellPort(), json.path("shell_port").asInt());
    assertEquals(info.hbPort(), json.path("hb_port").asInt());
  }

  @Test
  void allocatesFiveDistinctPortsAndAFreshKey() throws Exception {
    ConnectionFiles files = new ConnectionFiles(tmp, "127.0.0.1");
    ConnectionInfo a = files.allocate("k");
    ConnectionInfo b = files.allocate("k");
    Set<Integer> ports = Set.of(a.shellPort(), a.iopubPort(), a.stdinPort(), a.controlPort(),
        a.hbPort());
    assertEquals(5, ports.size());
    assertTrue(a.key().matches("[0-9a-f]{64}"), a.key());
    assertNotEquals(a.key(), b.key());
    assertEquals("tcp://127.0.0.1:" + a.iopubPort(), a.endpoint(Channel.IOPUB));
    assertFalse(a.toString().contains(a.key()), "toString hides the key");
  }

  @Test
  void tightensAnExistingRuntimeDir() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("open"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    new ConnectionFiles(dir, "127.0.0.1");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
  }

  @Test
  void refusesKernelIdsThatCouldEscapeTheDir() {
    ConnectionFiles files = new ConnectionFiles(tmp, "127.0.0.1");
    assertThrows(IllegalArgumentException.class, () -> files.fileFor("../x"));
    assertThrows(IllegalArgumentException.class, () -> files.logFor("a/b"));
  }
}
