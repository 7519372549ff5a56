package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every message recorded from ipykernel 6.17 (capture.py), in order through one kernel
 * state, under each preset, and the same messages cut short at many points: what reaches a client
 * never holds the recorded payloads' script, and untouched parts keep their bytes.
 */
class CapturedCorpusTest {
  /** Script the capture put into outputs (see capture.py); none may reach a client. */
  private static final List<String> PAYLOADS = List.of(
      "onerror=alert", "onload=alert", "<script", "javascript:alert");

  private static void assertClean(String where, FilterResult r) {
    if (r.dropped()) {
      return;
    }
    String content = r.message().contentBytes().toUtf8String();
    for (String p : PAYLOADS) {
      // execute_input echoes the code the user typed; it is text, never rendered as markup
      if (!r.message().msgType().equals("execute_input")) {
        assertFalse(content.contains(p), where + ": " + p + " in " + content);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> replaysTheCorpusUnderEveryPreset() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Preset preset : Preset.values()) {
      tests.add(DynamicTest.dynamicTest(preset.name(), () -> {
        MessageFilter filter = new MessageFilter(OutputPolicy.preset(preset), AuditLog.NO_AUDIT);
        KernelFilterState kernel = filter.newKernelState("corpus");
        for (Captured c : Captured.all()) {
          JupyterMessage in = c.message();
          FilterResult r = filter.toClient(kernel, in);
          String where = preset + " " + c.testCase() + " " + in.msgType();
          assertClean(where, r);
          assertSame(in.headerBytes(), r.message().headerBytes(), where);
          assertSame(in.parentHeaderBytes(), r.message().parentHeaderBytes(), where);
          assertSame(in.metadataBytes(), r.message().metadataBytes(), where);
          if (r.findings().isEmpty()) {
            assertSame(in, r.message(), where);
          }
        }
        assertEquals(Captured.all().size(), filter.metrics().messagesSeen());
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> truncatedContentNeverPassesRaw() {
    MessageFilter filter =
        new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), AuditLog.NO_AUDIT);
    List<DynamicTest> tests = new ArrayList<>();
    int n = 0;
    for (Captured c : Captured.all()) {
      JupyterMessage in = c.message();
      String type = in.msgType();
      if (type.equals("status") || type.equals("execute_input") || type.equals("stream")) {
        continue;
      }
      String name = (n++) + " " + c.testCase() + " " + type;
      tests.add(DynamicTest.dynamicTest(name, () -> {
        byte[] content = in.contentBytes().toArray();
        int step = Math.max(1, content.length / 40);
        for (int cut = 0; cut < content.length; cut += step) {
          byte[] part = java.util.Arrays.copyOf(content, cut);
          FilterResult r = filter.toClient(filter.newKernelState("t"),
              in.withContent(Bytes.wrap(part)));
          assertClean(name + " cut at " + cut, r);
        }
      }));
    }
    return tests.stream();
  }
}
