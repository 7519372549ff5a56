package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRehearsalTest {

  private static final OutputPolicy POLICY = OutputPolicy.preset(Preset.DEFAULT);
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private HttpRehearsal rehearsal() {
    return new HttpRehearsal(vertx, POLICY,
        new ContentsWarmup(POLICY, 1, Duration.ofSeconds(1)).model());
  }

  @Test
  void everyRehearsedRequestIsAnsweredThroughThePrivateProxy() throws Exception {
    // 16 rounds: contents (sanitized), script and status answers, twice each kind or more
    HttpRehearsal r = rehearsal();
    int ok = r.run(16, Duration.ofSeconds(60)).await(60, TimeUnit.SECONDS);
    assertEquals(16, r.roundsDone());
    assertEquals(16, ok);
  }

  @Test
  void closesItsPrivateServersWhenDone() throws Exception {
    rehearsal().run(2, Duration.ofSeconds(60)).await(60, TimeUnit.SECONDS);
    assertEquals(0, vertx.deploymentIDs().size());
  }

  @Test
  void runsNothingOnceStopped() throws Exception {
    HttpRehearsal r = rehearsal();
    r.stop();
    assertEquals(0, r.run(100, Duration.ofSeconds(60)).await(60, TimeUnit.SECONDS));
    assertEquals(0, r.roundsDone());
  }
}
