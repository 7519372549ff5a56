package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

  private static GatewayConfig.Given given(String ip, Integer port, String token) {
    GatewayConfig.Given none = GatewayConfig.Given.none();
    return new GatewayConfig.Given(none.configFile(), Optional.ofNullable(ip),
        Optional.ofNullable(port), Optional.ofNullable(token), List.of(), none.maxKernels(),
        none.policy(), none.defaultKernel(), none.runtimeDir(), none.auditLog(),
        none.cullIdleTimeout(), none.cullInterval(), none.cullConnected(), none.cullBusy());
  }

  @Test
  void defaultsToLoopbackAndAGeneratedToken() {
    GatewayConfig c = GatewayConfig.resolve(GatewayConfig.Given.none(), Map.of());
    assertEquals("127.0.0.1", c.ip());
    assertEquals(8889, c.port());
    assertTrue(c.tokenGenerated());
    assertTrue(c.authEnabled());
    assertTrue(c.token().matches("[0-9a-f]{48}"), c.token());
    assertEquals(16, c.maxKernels());
    assertEquals("default", c.policy());
    assertEquals(Optional.empty(), c.runtimeDir());
    assertEquals(Optional.empty(), c.auditLog());
  }

  @Test
  void auditLogFromEnvironment() {
    GatewayConfig c = GatewayConfig.resolve(GatewayConfig.Given.none(),
        Map.of("NBGUARD_AUDIT_LOG", "/var/log/nbguard.jsonl"));
    assertEquals(Optional.of(Path.of("/var/log/nbguard.jsonl")), c.auditLog());
  }

  @Test
  void commandLineBeatsEnvironmentBeatsDefault() {
    Map<String, String> env = Map.of("NBGUARD_PORT", "9000", "NBGUARD_TOKEN", "envtok",
        "NBGUARD_MAX_KERNELS", "3", "NBGUARD_POLICY", "strict",
        "NBGUARD_ALLOW_ORIGIN", "http://a.example, http://b.example",
        "NBGUARD_RUNTIME_DIR", "/tmp/x");
    GatewayConfig fromEnv = GatewayConfig.resolve(GatewayConfig.Given.none(), env);
    assertEquals(9000, fromEnv.port());
    assertEquals("envtok", fromEnv.token());
    assertFalse(fromEnv.tokenGenerated());
    assertEquals(3, fromEnv.maxKernels());
    assertEquals("strict", fromEnv.policy());
    assertEquals(List.of("http://a.example", "http://b.example"), fromEnv.allowOrigins());
    assertEquals(Optional.of(Path.of("/tmp/x")), fromEnv.runtimeDir());
    GatewayConfig fromCli = GatewayConfig.resolve(given(null, 7000, "clitok"), env);
    assertEquals(7000, fromCli.port());
    assertEquals("clitok", fromCli.token());
  }

  @Test
  void refusesANonLoopbackBindWithoutAConfiguredToken() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(given("0.0.0.0", null, null), Map.of()));
    assertTrue(e.getMessage().contains("token"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(given("0.0.0.0", null, ""), Map.of()));
    assertEquals("0.0.0.0", GatewayConfig.resolve(given("0.0.0.0", null, "t"), Map.of()).ip());
  }

  @Test
  void anEmptyTokenDisablesAuthOnLoopbackOnly() {
    GatewayConfig c = GatewayConfig.resolve(given("127.0.0.1", null, ""), Map.of());
    assertFalse(c.authEnabled());
    assertFalse(c.tokenGenerated());
  }

  @Test
  void rejectsBadNumbers() {
    assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(GatewayConfig.Given.none(), Map.of("NBGUARD_PORT", "x")));
    assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(given(null, 70000, null), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> GatewayConfig.resolve(
        GatewayConfig.Given.none(), Map.of("NBGUARD_MAX_KERNELS", "0")));
  }

  private static GatewayConfig.Given withConfig(Path file) {
    GatewayConfig.Given n = GatewayConfig.Given.none();
    return new GatewayConfig.Given(Optional.of(file), n.ip(), n.port(), n.token(), List.of(),
        n.maxKernels(), n.policy(), n.defaultKernel(), n.runtimeDir(), n.auditLog(),
        n.cullIdleTimeout(), n.cullInterval(), n.cullConnected(), n.cullBusy());
  }

  @Test
  void readsAConfigFileBelowEnvironmentAndCommandLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nbguard.yaml");
    Files.writeString(file, """
        port: 9100
        max_kernels: 5
        allow_origin: [http://hub.example]
        audit_log: /var/log/nbguard/audit.jsonl
        cull_idle_timeout: 3600
        cull_connected: true
        token: from-file
        """);
    GatewayConfig c = GatewayConfig.resolve(withConfig(file), Map.of("NBGUARD_PORT", "9200"));
    assertEquals(9200, c.port(), "environment beats the file");
    assertEquals(5, c.maxKernels());
    assertEquals(List.of("http://hub.example"), c.allowOrigins());
    assertEquals(Optional.of(Path.of("/var/log/nbguard/audit.jsonl")), c.auditLog());
    assertEquals(java.time.Duration.ofHours(1), c.culling().idleTimeout());
    assertTrue(c.culling().cullConnected());
    assertFalse(c.culling().cullBusy());
    assertEquals("from-file", c.token());
    assertFalse(c.tokenGenerated());
    GatewayConfig viaEnv = GatewayConfig.resolve(GatewayConfig.Given.none(),
        Map.of("NBGUARD_CONFIG", file.toString()));
    assertEquals(9100, viaEnv.port());
  }

  @Test
  void refusesABadConfigFileNamingFileAndKey(@TempDir Path dir) throws Exception {
    Path unknown = dir.resolve("a.yaml");
    Files.writeString(unknown, "max_kernel: 3\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(withConfig(unknown), Map.of()));
    assertTrue(e.getMessage().contains("a.yaml") && e.getMessage().contains("max_kernel"),
        e.getMessage());
    Path badType = dir.resolve("b.json");
    Files.writeString(badType, "{\"port\": \"eighty\"}");
    e = assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(withConfig(badType), Map.of()));
    assertTrue(e.getMessage().contains("b.json") && e.getMessage().contains("port"),
        e.getMessage());
    Path broken = dir.resolve("c.yaml");
    Files.writeString(broken, "port: [1,\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(withConfig(broken), Map.of()));
    assertTrue(e.getMessage().contains("c.yaml"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> GatewayConfig.resolve(withConfig(dir.resolve("missing.yaml")), Map.of()));
  }

  @Test
  void cullingIsOffUnlessAsked() {
    GatewayConfig c = GatewayConfig.resolve(GatewayConfig.Given.none(), Map.of());
    assertFalse(c.culling().enabled());
    GatewayConfig on = GatewayConfig.resolve(GatewayConfig.Given.none(),
        Map.of("NBGUARD_CULL_IDLE_TIMEOUT", "600", "NBGUARD_CULL_BUSY", "yes"));
    assertTrue(on.culling().enabled());
    assertTrue(on.culling().cullBusy());
    assertThrows(IllegalArgumentException.class, () -> GatewayConfig.resolve(
        GatewayConfig.Given.none(), Map.of("NBGUARD_CULL_BUSY", "maybe")));
  }
}
