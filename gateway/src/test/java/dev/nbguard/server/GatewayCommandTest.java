package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpDocumentsEveryOptionAndItsEnvironmentVariable() {
    Run r = run("gateway", "--help");
    assertEquals(0, r.code(), r.err());
    for (String s : new String[] {"--ip", "NBGUARD_IP", "--port", "NBGUARD_PORT", "--token",
        "NBGUARD_TOKEN", "--allow-origin", "NBGUARD_ALLOW_ORIGIN", "--max-kernels",
        "NBGUARD_MAX_KERNELS", "--policy", "NBGUARD_POLICY", "--default-kernel",
        "--runtime-dir", "--audit-log", "NBGUARD_AUDIT_LOG", "--config", "NBGUARD_CONFIG",
        "--cull-idle-timeout", "--cull-interval", "--cull-connected", "--cull-busy",
        "--gateway-url"}) {
      assertTrue(r.out().contains(s), s + " missing from:\n" + r.out());
    }
  }

  @Test
  void refusesANonLoopbackBindWithoutAToken() {
    Run r = run("gateway", "--ip", "0.0.0.0", "--port", "0");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("without a token"), r.err());
  }

  @Test
  void refusesAnUnknownPolicy() {
    Run r = run("gateway", "--port", "0", "--policy", "/no/such/policy.yaml");
    assertEquals(2, r.code(), r.out() + r.err());
  }

  @Test
  void refusesAnAuditLogItCannotOpen() {
    Run r = run("gateway", "--port", "0", "--audit-log", "/no/such/dir/audit.jsonl");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("/no/such/dir/audit.jsonl"), r.err());
  }
}
