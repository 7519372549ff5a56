package dev.nbguard.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flood kernel (benchmarks/flood_kernel.py, Debian's python3 + pyzmq) over ZeroMQ. */
class FloodKernelTest {
  @TempDir
  static Path dir;
  private static ZmqKernelClient kernel;

  @BeforeAll
  static void launch() throws Exception {
    Path script = Path.of("flood_kernel.py").toAbsolutePath();
    assertTrue(Files.isRegularFile(script), script + " is missing");
    kernel = ZmqKernelClient.launch("/usr/bin/python3", script, dir);
    Workload.awaitReady(kernel, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  @Test
  void answersKernelInfoWithProtocolAndLanguage() throws Exception {
    Exchange e = Workload.exchange(kernel, "kernel_info_request", Map.of(),
        Duration.ofSeconds(10));
    JsonNode reply = new ObjectMapper().readTree(e.replyContent);
    assertEquals("kernel_info_reply", e.replyType);
    assertEquals("5.3", reply.path("protocol_version").asText());
    assertEquals("python", reply.path("language_info").path("name").asText());
    assertTrue(e.busyNanos != 0, "status busy before the reply");
  }

  @Test
  void floodsEveryStreamMessageInOrderBetweenBusyAndIdle() throws Exception {
    Workload.Flood f = Workload.flood(kernel, "stream", 100, 3_000);
    assertEquals(3_000, f.received());
    assertEquals(0, f.outOfOrder());
    assertTrue(f.complete(), f.problems());
  }

  @Test
  void floodsHtmlTablesOfTheAskedSize() throws Exception {
    Exchange e = Workload.exchange(kernel, "execute_request",
        Wire.executeContent("flood html 5000 20"), Duration.ofSeconds(30));
    assertEquals(20, e.outputs);
    assertEquals(0, e.outOfOrder);
    assertEquals(0, e.htmlWithoutTable);
    long perMessage = e.outputContentBytes / e.outputs;
    assertTrue(perMessage > 5_000 && perMessage < 7_000, "content of " + perMessage + " bytes");
  }

  @Test
  void answersAnyOtherCodeWithATrivialReply() throws Exception {
    Exchange e = Workload.exchange(kernel, "execute_request", Wire.executeContent("pass"),
        Duration.ofSeconds(10));
    assertEquals("execute_reply", e.replyType);
    assertEquals(0, e.outputs);
    assertTrue(e.replyContent.contains("\"ok\""), e.replyContent);
  }
}
