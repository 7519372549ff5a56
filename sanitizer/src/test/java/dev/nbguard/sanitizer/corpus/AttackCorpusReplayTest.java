package dev.nbguard.sanitizer.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.SanitizedBundle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every case of the attack corpus ({@code corpus/attacks/*.jsonl}) through the DEFAULT
 * and STRICT policies and checks, structurally, that nothing executable is left: no script
 * outside a properly sandboxed iframe, no event handler, no script URL, no unsandboxed srcdoc,
 * no base/meta refresh/object/embed/form action, no JavaScript MIME type.
 */
class AttackCorpusReplayTest {
  private static final List<AttackCase> CASES = AttackCase.loadAll();
  private static final Map<Preset, OutputPolicy> POLICIES = new EnumMap<>(Preset.class);

  static {
    for (Preset p : List.of(Preset.DEFAULT, Preset.STRICT)) {
      POLICIES.put(p, OutputPolicy.preset(p));
    }
  }

  static Stream<Arguments> bundles() {
    return POLICIES.keySet().stream()
        .flatMap(p -> CASES.stream().map(c -> Arguments.of(p, c)));
  }

  static Stream<Arguments> widgets() {
    return POLICIES.keySet().stream()
        .flatMap(p -> CASES.stream().filter(c -> c.widget().isPresent()).map(c -> Arguments.of(p, c)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("bundles")
  void leavesNothingExecutableInTheBundle(Preset preset, AttackCase c) {
    OutputPolicy policy = POLICIES.get(preset);
    SanitizedBundle result = assertDoesNotThrow(() -> policy.sanitize(c.bundle().deepCopy()),
        c.id() + ": an exception escaped the policy");
    List<String> problems = BundleCheck.check(result.bundle());
    assertTrue(problems.isEmpty(), () -> c.id() + " under " + preset + " (" + c.source() + "):\n  "
        + String.join("\n  ", problems) + "\n  output: " + abbreviate(result.bundle().toString()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("widgets")
  void leavesNothingExecutableInWidgetState(Preset preset, AttackCase c) {
    OutputPolicy policy = POLICIES.get(preset);
    JsonNode widget = c.widget().orElseThrow();
    List<String> problems = assertDoesNotThrow(() -> WidgetReplay.check(policy, widget),
        c.id() + ": an exception escaped the widget sanitizer");
    assertTrue(problems.isEmpty(), () -> c.id() + " under " + preset + " (" + c.source() + "):\n  "
        + String.join("\n  ", problems));
  }

  @Test
  void corpusIsLargeAndIdsAreUnique() {
    assertTrue(CASES.size() >= 320, "only " + CASES.size() + " attack cases");
    assertTrue(CASES.stream().map(AttackCase::id).distinct().count() == CASES.size(), "duplicate case ids");
  }

  @Test
  void checkerSeesTheRawAttacks() {
    // A checker that cannot fail proves nothing: the unsanitized corpus must be flagged, apart
    // from cases whose vector lives in a representation the checker does not model.
    List<String> unflagged = CASES.stream()
        .filter(c -> BundleCheck.check(c.bundle()).isEmpty() && c.widget().isEmpty())
        .map(AttackCase::id)
        .toList();
    assertTrue(unflagged.size() <= CASES.size() / 10,
        "the checker does not flag " + unflagged.size() + " raw cases: " + unflagged);
  }

  private static String abbreviate(String s) {
    return s.length() <= 600 ? s : s.substring(0, 597) + "...";
  }
}
