package dev.nbguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nbguard.filter.AuditEntry;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentsWarmupTest {

  private static final OutputPolicy POLICY = OutputPolicy.preset(Preset.DEFAULT);

  @Test
  void sampleIsANotebookAnswerTheRewriterChanges() {
    // a sample the rewriter left alone would skip the sanitizer and the writer: no warm-up
    List<AuditEntry> audit = new ArrayList<>();
    ContentsWarmup w = new ContentsWarmup(POLICY, 1, Duration.ofSeconds(10));
    assertTrue(new ContentsRewriter(POLICY, audit::add).rewrite(w.model()).isPresent());
    assertTrue(!audit.isEmpty());
  }

  @Test
  void runsTheGivenNumberOfRounds() {
    ContentsWarmup w = new ContentsWarmup(POLICY, 3, Duration.ofSeconds(60));
    w.run();
    assertEquals(3, w.roundsDone());
  }

  @Test
  void stopsAtTheTimeBudget() {
    ContentsWarmup w = new ContentsWarmup(POLICY, 1000, Duration.ZERO);
    w.run();
    assertEquals(0, w.roundsDone());
  }

  @Test
  void runsNothingOnceClosed() {
    ContentsWarmup w = new ContentsWarmup(POLICY, 1000, Duration.ofSeconds(60));
    w.close();
    w.run();
    assertEquals(0, w.roundsDone());
  }
}
