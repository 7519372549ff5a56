package dev.nbguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SanitizeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOSTILE =
      "{\"data\":{\"text/html\":\"<b>x</b><script>alert(1)</script>\",\"text/plain\":\"x\"},\"metadata\":{}}";

  @Test
  void writesOneLineWithTextKeptAndScriptGone() throws Exception {
    CliRun r = CliRun.withStdin(HOSTILE, "sanitize");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.outLines().length, "one line plus the final newline");
    JsonNode out = JSON.readTree(r.out());
    assertEquals("x", out.at("/data/text~1plain").asText());
    assertFalse(r.out().contains("<script>"), r.out());
  }

  @Test
  void findingsGoToStderrAsJsonLinesWithTheLineNumber() throws Exception {
    CliRun r = CliRun.withStdin(HOSTILE, "sanitize");
    String first = r.err().lines().findFirst().orElseThrow();
    JsonNode f = JSON.readTree(first);
    assertEquals(1, f.get("line").asInt());
    assertEquals("text/html", f.get("mime").asText());
    assertTrue(f.has("action") && f.has("rule") && f.has("excerpt"), first);
  }

  @Test
  void plainTextOnlyBundlePassesUnchangedWithoutFindings() {
    String in = "{\"output_type\":\"display_data\",\"data\":{\"text/plain\":[\"a\\n\",\"b\"]},\"metadata\":{\"x\":1.50}}";
    CliRun r = CliRun.withStdin(in, "sanitize");
    assertEquals(0, r.code());
    assertEquals(in + "\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void badJsonNamesItsLineAndExits2() {
    CliRun r = CliRun.withStdin("{\n \"data\": {\n  \"text/plain\": oops\n }\n}", "sanitize");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("nbguard: line 3: not valid JSON: "), r.err());
  }

  @Test
  void jsonlKeepsOneOutputLinePerInputLineInOrder() throws Exception {
    String in = IntStream.range(0, 50)
        .mapToObj(i -> i % 7 == 3 ? HOSTILE : "{\"data\":{\"text/plain\":\"n" + i + "\"}}")
        .collect(Collectors.joining("\n", "", "\n"));
    CliRun r = CliRun.withStdin(in, "sanitize", "--jsonl");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.outLines();
    assertEquals(51, lines.length);
    for (int i = 0; i < 50; i++) {
      String text = JSON.readTree(lines[i]).at("/data/text~1plain").asText();
      assertEquals(i % 7 == 3 ? "x" : "n" + i, text, "line " + (i + 1));
    }
    assertTrue(r.err().lines().allMatch(l -> l.startsWith("{\"line\":")), r.err());
    assertTrue(r.err().contains("{\"line\":4,"), r.err());
  }

  @Test
  void jsonlBadLineBecomesNullAndTheOthersAreKept() throws Exception {
    String in = "{\"data\":{\"text/plain\":\"a\"}}\n{not json\n[1,2]\n\n{\"data\":{\"text/plain\":\"e\"}}\n";
    CliRun r = CliRun.withStdin(in, "sanitize", "--jsonl");
    assertEquals(2, r.code());
    String[] lines = r.outLines();
    assertEquals("a", JSON.readTree(lines[0]).at("/data/text~1plain").asText());
    assertEquals("null", lines[1]);
    assertEquals("null", lines[2]);
    assertEquals("", lines[3]);
    assertEquals("e", JSON.readTree(lines[4]).at("/data/text~1plain").asText());
    assertTrue(r.err().contains("nbguard: line 2: not valid JSON: "), r.err());
    assertTrue(r.err().contains("nbguard: line 3: expected a JSON object"), r.err());
  }

  @Test
  void strictPolicyAndUnknownPolicyName() {
    assertEquals(0, CliRun.withStdin(HOSTILE, "sanitize", "--policy", "strict").code());
    CliRun r = CliRun.withStdin(HOSTILE, "sanitize", "--policy", "no-such-policy.yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no preset or policy file named 'no-such-policy.yaml'"), r.err());
  }

  @Test
  void helpAndVersionExit0AndDocumentTheBadLineRule() {
    CliRun help = CliRun.of("sanitize", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("'null'"), help.out());
    assertTrue(help.out().contains("Exit codes"), help.out());
    CliRun version = CliRun.of("sanitize", "--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("nbguard "), version.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.of("sanitize", "--frobnicate");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--frobnicate"), r.err());
    assertEquals(2, CliRun.of().code(), "no command");
  }
}
