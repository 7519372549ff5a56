package dev.nbguard.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every attack in corpus/attacks runs in JupyterLab's own renderers when rendered raw, and does
 * not run after nbguard (DEFAULT and STRICT presets). A case that does not execute raw proves
 * nothing and is reported as skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackCorpusIT {
  private static final int MIN_EXECUTING_RAW = 250;
  private static final int EXCERPT_CHARS = 700;

  private AttackRun run;

  @BeforeAll
  void renderCorpusRawAndSanitized() {
    E2eSettings settings = E2eSettings.fromSystemProperties();
    List<CorpusCase> cases = CorpusReader.readDir(settings.attacksDir());
    run = AttackRun.run(settings, cases);
    AttackReport.write(run, settings.outDir().resolve("attack-report.md"));
  }

  @TestFactory
  Stream<DynamicTest> attackThatRunsRawDoesNotRunAfterNbguard() {
    return run.cases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
  }

  private void check(CorpusCase c) {
    HarnessResult raw = run.raw(c.id()).orElseThrow(() -> new AssertionError("no raw result"));
    assumeTrue(raw.executed(), () -> "does not execute raw — not counted"
        + raw.error().map(e -> " (harness error: " + e + ")").orElse("") + "; source: " + c.source());
    List<String> failures = new ArrayList<>();
    for (Preset preset : AttackRun.PRESETS) {
      HarnessResult r = run.sanitized(preset, c.id())
          .orElseThrow(() -> new AssertionError("no result after " + preset.label()));
      if (r.executed()) {
        failures.add(failure(c, preset, raw, r));
      } else if (r.error().isPresent()) {
        failures.add("[" + preset.label() + "] the harness could not render the sanitized output: "
            + r.error().get());
      }
    }
    if (!failures.isEmpty()) {
      fail(String.join("\n\n", failures));
    }
  }

  private String failure(CorpusCase c, Preset preset, HarnessResult raw, HarnessResult r) {
    return "[" + preset.label() + "] " + c.id() + " still executes after nbguard\n"
        + "  signals after nbguard: " + String.join("; ", r.signalLines()) + "\n"
        + "  signals raw:           " + String.join("; ", raw.signalLines()) + "\n"
        + "  sanitized bundle:      " + excerpt(run.sanitizedCase(preset, c.id())) + "\n"
        + "  source:                " + c.source();
  }

  private static String excerpt(Optional<ObjectNode> sanitizedCase) {
    String s = sanitizedCase.map(n -> {
      ObjectNode copy = n.deepCopy();
      copy.remove("id");
      return copy.toString();
    }).orElse("(none)");
    return s.length() <= EXCERPT_CHARS ? s : s.substring(0, EXCERPT_CHARS) + "…";
  }

  @Test
  void atLeast250AttacksExecuteRaw() {
    long executing = run.cases().stream().filter(c -> run.executesRaw(c.id())).count();
    assertTrue(executing >= MIN_EXECUTING_RAW, "only " + executing + " of " + run.cases().size()
        + " attacks execute raw in JupyterLab's renderers; at least " + MIN_EXECUTING_RAW
        + " must (see target/attack-report.md)");
  }

  @Test
  void noSanitizedCaseExecutesWhetherOrNotItRanRaw() {
    List<String> executed = new ArrayList<>();
    for (CorpusCase c : run.cases()) {
      for (Preset preset : AttackRun.PRESETS) {
        run.sanitized(preset, c.id()).filter(HarnessResult::executed).ifPresent(r ->
            executed.add(c.id() + " [" + preset.label() + "]: " + String.join("; ", r.signalLines())));
      }
    }
    assertFalse(!executed.isEmpty(), () -> executed.size() + " sanitized cases execute:\n  "
        + String.join("\n  ", executed));
  }
}
