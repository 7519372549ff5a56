package dev.nbguard.e2e.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two kernels in one gateway, busy at the same time: each client sees its own kernel's output,
 * all of it, in order, and nothing of the other's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class KernelIsolationIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int LINES = 3000;

  private GatewayProcess gateway;
  private final List<String> kernels = new ArrayList<>();
  private final List<KernelSocket> clients = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    gateway = GatewayProcess.start(GatewaySettings.workDir("isolation"),
        "isolation-token-" + UUID.randomUUID());
    for (WireFormat format : List.of(WireFormat.V1, WireFormat.LEGACY)) {
      String id = gateway.rest().startKernel("python3");
      kernels.add(id);
      clients.add(KernelSocket.connect(sid -> gateway.channels(id, sid), format));
    }
  }

  @AfterAll
  void stop() {
    clients.forEach(KernelSocket::close);
    if (gateway != null) {
      for (String id : kernels) {
        try {
          gateway.rest().call("DELETE", "/api/kernels/" + id, null);
        } catch (Exception ignored) {
          // the gateway stops its kernels when it stops
        }
      }
      gateway.close();
    }
  }

  /**
   * Lines flushed in groups of 25 (120 messages): a kernel flushing every line can outrun any
   * reader, and ZeroMQ then drops IOPub messages at the kernel's PUB socket (with Jupyter Server
   * too); this test is about isolation, not flood capacity.
   */
  private static String cell(String name) {
    return """
        import sys
        for i in range(%d):
            print(f'%s {i:05d}')
            if i %% 25 == 24:
                sys.stdout.flush()
        """.formatted(LINES, name);
  }

  @Test
  void twoBusyKernelsNeverMixTheirOutput() throws Exception {
    List<String> names = List.of("kernel-a", "kernel-b");
    List<Execution> runs = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      runs.add(new Execution(clients.get(k).execute(cell(names.get(k)))));
    }
    for (int k = 0; k < 2; k++) {
      clients.get(k).pump(runs.get(k), Execution::done, WAIT, p -> "");
      List<String> want = new ArrayList<>();
      for (int i = 0; i < LINES; i++) {
        want.add("%s %05d".formatted(names.get(k), i));
      }
      String out = runs.get(k).stream("stdout");
      assertEquals(want, List.of(out.split("\n")), names.get(k) + "'s client");
    }
    for (int k = 0; k < 2; k++) {
      clients.get(k).drain(Duration.ofMillis(300));
      assertTrue(clients.get(k).received(runs.get(k).msgId()), "the detector sees its own run");
      assertFalse(clients.get(k).received(runs.get(1 - k).msgId()),
          names.get(k) + "'s client got messages of the other kernel's run");
    }
    gateway.checkAlive();
  }
}
