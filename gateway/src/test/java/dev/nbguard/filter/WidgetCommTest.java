package dev.nbguard.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Widget comms in the ipywidgets 7/8 protocol (version 2), with binary buffers. */
class WidgetCommTest {
  private static final String CONTROLS = "@jupyter-widgets/controls";
  private final MessageFilter filter =
      new MessageFilter(OutputPolicy.preset(Preset.DEFAULT), AuditLog.NO_AUDIT);
  private final KernelFilterState kernel = filter.newKernelState("k-w");
  private final Bytes png = Bytes.utf8("\u0089PNG-bytes");
  private final Bytes html = Bytes.utf8("<img src=x onerror=alert(1)>");

  private FilterResult open(String commId, String module, String model, String state,
      String bufferPaths, List<Bytes> buffers) {
    String content = "{\"comm_id\":\"" + commId + "\",\"target_name\":\"jupyter.widget\","
        + "\"data\":{\"state\":{\"_model_module\":\"" + module + "\",\"_model_name\":\"" + model
        + "\",\"_view_module\":\"" + module + "\"" + state + "},\"buffer_paths\":" + bufferPaths
        + "},\"target_module\":null}";
    return filter.toClient(kernel, Captured.message(Channel.IOPUB, "comm_open", content, buffers));
  }

  private FilterResult msg(String commId, String data, List<Bytes> buffers) {
    return filter.toClient(kernel, Captured.message(Channel.IOPUB, "comm_msg",
        "{\"comm_id\":\"" + commId + "\",\"data\":" + data + "}", buffers));
  }

  @Test
  void dropsABufferThatWouldReplaceASanitizedFieldAndItsPath() {
    FilterResult r = open("c1", CONTROLS, "ImageModel", ",\"format\":\"png\"",
        "[[\"value\"],[\"description\"]]", List.of(png, html));
    assertFalse(r.dropped());
    assertEquals(List.of(png), r.message().buffers());
    JsonNode c = Captured.content(r.message());
    assertEquals("[[\"value\"]]", c.at("/data/buffer_paths").toString());
    assertEquals("png", c.at("/data/state/format").asText());
    assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("widget.buffer-path.not-allowed")));
  }

  @Test
  void keepsAnImageWidgetWithAllowedBuffersAsTheSameInstance() {
    JupyterMessage in = Captured.message(Channel.IOPUB, "comm_open",
        "{\"comm_id\":\"c2\",\"target_name\":\"jupyter.widget\",\"data\":{\"state\":{"
            + "\"_model_module\":\"" + CONTROLS + "\",\"_model_name\":\"ImageModel\"},"
            + "\"buffer_paths\":[[\"value\"]]}}", List.of(png));
    assertSame(in, filter.toClient(kernel, in).message());
  }

  @Test
  void dropsTheOpenOfADisallowedModuleAndEverythingOnThatCommLater() {
    FilterResult r = open("evil", "evil-widgets", "EvilModel", "", "[]", List.of());
    assertTrue(r.dropped());
    assertEquals("widget.module.not-allowed", r.findings().get(0).rule());
    assertTrue(msg("evil", "{\"method\":\"custom\",\"content\":{}}", List.of()).dropped());
    assertTrue(msg("evil", "{\"method\":\"update\",\"state\":{\"x\":1}}", List.of()).dropped());
  }

  /** jsdlink copies Text.value, which the policy leaves as it is, into HTML.value in the browser. */
  @Test
  void dropsALinkIntoAnHtmlValueAndKeepsALinkBetweenNumbers() {
    open("t1", CONTROLS, "TextModel", ",\"value\":\"<img src=x onerror=alert(1)>\"", "[]", List.of());
    open("h2", CONTROLS, "HTMLModel", ",\"value\":\"hi\"", "[]", List.of());
    open("s1", CONTROLS, "IntSliderModel", ",\"value\":7", "[]", List.of());
    open("n1", CONTROLS, "IntTextModel", ",\"value\":3", "[]", List.of());
    FilterResult bad = open("l1", CONTROLS, "DirectionalLinkModel",
        ",\"source\":[\"IPY_MODEL_t1\",\"value\"],\"target\":[\"IPY_MODEL_h2\",\"value\"]", "[]", List.of());
    assertTrue(bad.dropped());
    assertEquals("widget.link.target", bad.findings().get(0).rule());
    FilterResult ok = open("l2", CONTROLS, "LinkModel",
        ",\"source\":[\"IPY_MODEL_s1\",\"value\"],\"target\":[\"IPY_MODEL_n1\",\"value\"]", "[]", List.of());
    assertFalse(ok.dropped());
    assertTrue(ok.findings().isEmpty(), ok.findings().toString());
    FilterResult retarget = msg("l2", "{\"method\":\"update\",\"state\":{\"target\":[\"IPY_MODEL_h2\",\"value\"]},"
        + "\"buffer_paths\":[]}", List.of());
    assertTrue(retarget.dropped());
  }

  @Test
  void sanitizesStateDeltasWithTheModelNameFromTheOpen() {
    open("h1", CONTROLS, "HTMLModel", ",\"value\":\"ok\"", "[]", List.of());
    FilterResult r = msg("h1",
        "{\"method\":\"echo_update\",\"state\":{\"value\":\"<img src=x onerror=alert(2)>\"},"
            + "\"buffer_paths\":[]}", List.of());
    assertFalse(r.dropped());
    assertFalse(Captured.content(r.message()).toString().contains("onerror"));
  }

  @Test
  void dropsUpdateBuffersThatTargetHtmlValue() {
    open("h2", CONTROLS, "HTMLModel", "", "[]", List.of());
    FilterResult r = msg("h2", "{\"method\":\"update\",\"state\":{},\"buffer_paths\":[[\"value\"]]}",
        List.of(html));
    assertFalse(r.dropped());
    assertEquals(List.of(), r.message().buffers());
    assertEquals("[]", Captured.content(r.message()).at("/data/buffer_paths").toString());
  }

  @Test
  void dropsAMessageWhoseBufferCountDoesNotMatchItsPaths() {
    open("h3", CONTROLS, "ImageModel", "", "[]", List.of());
    FilterResult r = msg("h3", "{\"method\":\"update\",\"state\":{},\"buffer_paths\":[[\"value\"]]}",
        List.of(png, png));
    assertTrue(r.dropped());
    assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("widget.buffers.mismatch")));
  }

  @Test
  void leavesCustomMessagesOfAllowedWidgetsAlone() {
    open("b1", CONTROLS, "ButtonModel", "", "[]", List.of());
    JupyterMessage in = Captured.message(Channel.IOPUB, "comm_msg",
        "{\"comm_id\":\"b1\",\"data\":{\"method\":\"custom\",\"content\":{\"html\":\"<script>\"}}}");
    assertSame(in, filter.toClient(kernel, in).message());
  }

  @Test
  void leavesCommsOfOtherTargetsAlone() {
    JupyterMessage opened = Captured.message(Channel.IOPUB, "comm_open",
        "{\"comm_id\":\"o1\",\"target_name\":\"my.extension\",\"data\":{\"state\":{\"value\":\"<script>\"}}}");
    assertSame(opened, filter.toClient(kernel, opened).message());
    JupyterMessage update = Captured.message(Channel.IOPUB, "comm_msg",
        "{\"comm_id\":\"o1\",\"data\":{\"method\":\"update\",\"state\":{\"value\":\"<script>\"}}}");
    assertSame(update, filter.toClient(kernel, update).message());
  }

  @Test
  void sanitizesTheControlCommsFullStatesAndRemembersTheModels() {
    String data = "{\"method\":\"update_states\",\"states\":{"
        + "\"m1\":{\"model_module\":\"" + CONTROLS + "\",\"model_name\":\"HTMLModel\","
        + "\"model_module_version\":\"2.0.0\",\"state\":{\"_model_module\":\"" + CONTROLS
        + "\",\"_model_name\":\"HTMLModel\",\"value\":\"<svg onload=alert(3)>\"}},"
        + "\"m2\":{\"model_module\":\"evil\",\"model_name\":\"X\",\"state\":{}},"
        + "\"m3\":{\"model_module\":\"" + CONTROLS + "\",\"model_name\":\"ImageModel\",\"state\":{}}},"
        + "\"buffer_paths\":[[\"m3\",\"state\",\"value\"],[\"m1\",\"state\",\"value\"],"
        + "[\"m2\",\"state\",\"value\"]]}";
    FilterResult r = msg("control", data, List.of(png, html, html));
    assertFalse(r.dropped());
    JsonNode c = Captured.content(r.message());
    assertFalse(c.toString().contains("onload"));
    assertFalse(c.at("/data/states").has("m2"));
    assertEquals("[[\"m3\",\"state\",\"value\"]]", c.at("/data/buffer_paths").toString());
    assertEquals(List.of(png), r.message().buffers());
    FilterResult later = msg("m1", "{\"method\":\"update\",\"state\":{\"value\":\"<script>x</script>\"}}",
        List.of());
    assertFalse(Captured.content(later.message()).toString().contains("<script"));
    assertTrue(msg("m2", "{\"method\":\"custom\",\"content\":{}}", List.of()).dropped());
  }

  @Test
  void learnsAnUnknownCommFromAFullStateUpdate() {
    FilterResult r = msg("x1", "{\"method\":\"update\",\"state\":{\"_model_module\":\"" + CONTROLS
        + "\",\"_model_name\":\"HTMLModel\",\"value\":\"<img src=x onerror=alert(4)>\"},"
        + "\"buffer_paths\":[]}", List.of());
    assertFalse(r.dropped());
    assertFalse(Captured.content(r.message()).toString().contains("onerror"));
    assertEquals(1, kernel.commCount());
  }

  @Test
  void forgetsTheLeastRecentlyUsedCommsBeyondItsBound() {
    KernelFilterState small = new KernelFilterState("k", 2);
    for (String id : new String[] {"a", "b", "c"}) {
      filter.toClient(small, Captured.message(Channel.IOPUB, "comm_open",
          "{\"comm_id\":\"" + id + "\",\"target_name\":\"t\",\"data\":{}}"));
    }
    assertEquals(2, small.commCount());
    assertTrue(small.comm("a").isEmpty());
    assertTrue(small.comm("c").isPresent());
  }
}
