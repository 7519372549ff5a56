package dev.nbguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The argument checks of {@code proxy} and {@code lab} (both refuse before starting anything). */
class ProxyCommandTest {

  @Test
  void proxyNeedsAnUpstream() {
    CliRun r = CliRun.of("proxy");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--upstream"), r.err());
  }

  @Test
  void proxyRefusesANonHttpUpstream() {
    CliRun r = CliRun.of("proxy", "--upstream", "ftp://127.0.0.1:8888");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("http://"), r.err());
  }

  @Test
  void proxyAndLabRefuseANonLoopbackAddressUnlessAllowed() {
    for (String command : new String[] {"proxy", "lab"}) {
      CliRun r = CliRun.of(command, "--upstream", "http://127.0.0.1:8888", "--ip", "0.0.0.0");
      if (command.equals("lab")) {
        r = CliRun.of(command, "--ip", "0.0.0.0");
      }
      assertEquals(2, r.code(), command + ": " + r.err());
      assertTrue(r.err().contains("--allow-remote"), r.err());
    }
  }

  @Test
  void aBadPolicyIsAUsageError() {
    CliRun r = CliRun.of("proxy", "--upstream", "http://127.0.0.1:8888", "--policy",
        "no-such-preset");
    assertEquals(2, r.code(), r.err());
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aPortInUseIsReportedWithTheAddress() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());
      CliRun r = CliRun.of("proxy", "--upstream", "http://127.0.0.1:1", "--port", port);
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + port), r.err());
    }
  }

  @Test
  void helpNamesTheCommands() {
    CliRun r = CliRun.of("--help");
    assertTrue(r.out().contains("proxy") && r.out().contains("lab"), r.out());
  }
}
