package dev.nbguard.sanitizer.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.html.Policies.Result;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays real outputs (see resources/html/SOURCES.md) through the static HTML policy. */
class HtmlGoldenTest {
  static List<String> cases() {
    return Goldens.cases("html", "html");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGoldenFile(String name) {
    String input = Goldens.read("html", name + ".input.html");
    Result r = Policies.sanitize(input);
    if (Goldens.updating()) {
      Goldens.write("html", name + ".expected.html", r.html());
    }
    assertEquals(Goldens.read("html", name + ".expected.html"), r.html());
    HtmlSanitizerTest.assertInert(r.html());
    assertEquals(r.html(), Policies.sanitize(r.html()).html(), "idempotent");
    if (!name.startsWith("hostile")) {
      List<Finding> own = r.findings().stream().filter(f -> !f.rule().startsWith("css.")).toList();
      assertEquals(List.of(), own, "a benign output has no HTML findings");
    } else {
      assertFalse(r.findings().isEmpty());
    }
  }
}
