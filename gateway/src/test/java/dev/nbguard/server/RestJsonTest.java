package dev.nbguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nbguard.kernel.ExecutionState;
import dev.nbguard.kernel.KernelModel;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestJsonTest {

  @Test
  void formatsTheModelAsGatewayClientParsesIt() {
    KernelModel m = new KernelModel("id-1", "python3", Instant.parse("2026-01-02T03:04:05.000007Z"),
        ExecutionState.IDLE, 2);
    assertEquals("{\"id\":\"id-1\",\"name\":\"python3\","
        + "\"last_activity\":\"2026-01-02T03:04:05.000007Z\",\"execution_state\":\"idle\","
        + "\"connections\":3}", RestJson.model(m, id -> 3).toString());
  }

  @Test
  void readsStartRequests() {
    assertEquals(new RestJson.StartRequest(Optional.empty(), Map.of()),
        RestJson.startRequest(""));
    assertEquals(new RestJson.StartRequest(Optional.of("py"), Map.of("KERNEL_A", "b")),
        RestJson.startRequest("{\"name\":\"py\",\"env\":{\"KERNEL_A\":\"b\"}}"));
    assertEquals(new RestJson.StartRequest(Optional.empty(), Map.of()),
        RestJson.startRequest("{\"name\":null,\"env\":null}"));
  }

  @Test
  void refusesMalformedStartRequestsAsBadRequest() {
    for (String body : new String[] {"{", "[]", "\"x\"", "{\"name\":1}", "{\"env\":[]}",
        "{\"env\":{\"KERNEL_A\":{}}}"}) {
      HttpError e = assertThrows(HttpError.class, () -> RestJson.startRequest(body), body);
      assertEquals(400, e.status(), body);
    }
  }
}
