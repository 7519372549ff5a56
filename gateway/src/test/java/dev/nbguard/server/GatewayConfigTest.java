package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  private static GatewayConfig.Given given(String ip, Integer port, String token) {
    return new GatewayConfig.Given(Optional.ofNullable(ip), Optional.ofNullable(port),
        Optional.ofNullable(token), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
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
}
