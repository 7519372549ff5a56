package dev.nbguard.sanitizer.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import dev.nbguard.sanitizer.testing.Goldens;
import dev.nbguard.sanitizer.testing.RealHtml;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WidgetStateSanitizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String C = "@jupyter-widgets/controls";
  private final WidgetStateSanitizer widgets = OutputPolicy.preset(Preset.DEFAULT).widgets();

  private static ObjectNode json(String s) {
    try {
      return (ObjectNode) JSON.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> rules(List<Finding> findings) {
    return findings.stream().map(Finding::rule).toList();
  }

  static Stream<String> goldens() {
    return Goldens.cases("widget", "json");
  }

  @ParameterizedTest
  @MethodSource("goldens")
  void replaysGoldenNotebookState(String name) {
    JsonNode input = json(Goldens.read("widget", name + ".input.json"));
    String raw = Goldens.read("widget", name + ".input.json");
    if (raw.contains("\"HTMLModel\"") && raw.contains("@jupyter-widgets/controls")) {
      assumeTrue(RealHtml.available(), "needs the real HTML sanitizer");
    }
    SanitizedWidgetDocument out = widgets.sanitizeNotebookState(input);
    assertEquals(json(Goldens.read("widget", name + ".expected.json")), out.document());
    assertEquals(out.document().equals(input), out.findings().isEmpty(), rules(out.findings()).toString());
  }

  @Test
  void keepsTheBenignDashboardUnchangedWhereNoHtmlIsInvolved() {
    ObjectNode doc = json(Goldens.read("widget", "ipywidgets8-dashboard.input.json"));
    ObjectNode models = (ObjectNode) doc.path("state");
    models.remove("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    ((ObjectNode) models.path("i1").path("state")).set("_options_labels", JSON.valueToTree(List.of("red", "green & blue")));
    SanitizedWidgetDocument out = widgets.sanitizeNotebookState(doc);
    assertEquals(doc, out.document());
    assertFalse(out.changed(), rules(out.findings()).toString());
  }

  @Test
  void keepsDebianIpywidgets6ModelsUnchanged() {
    ObjectNode doc = json(Goldens.read("widget", "ipywidgets6-debian.input.json"));
    SanitizedWidgetDocument out = widgets.sanitizeNotebookState(doc);
    assertEquals(doc, out.document());
    assertFalse(out.changed(), rules(out.findings()).toString());
  }

  @Test
  void dropsModelsFromModulesOutsideTheAllowlist() {
    SanitizedWidget out = widgets.sanitizeModel("anywidget", "AnyModel", json("{'_esm':'export default {render(){}}'}"));
    assertTrue(out.state().isEmpty());
    assertEquals(List.of("widget.module.not-allowed"), rules(out.findings()));
    assertEquals(WidgetStateSanitizer.MIME_TYPE, out.findings().get(0).mimeType());
  }

  @Test
  void dropsAnAllowedModelWhoseViewModuleIsNotAllowed() {
    SanitizedWidget out = widgets.sanitizeModel(C, "HTMLModel",
        json("{'_view_module':'evil-widgets','_view_name':'EvilView','value':'x'}"));
    assertTrue(out.state().isEmpty());
    assertEquals(List.of("widget.module.not-allowed"), rules(out.findings()));
  }

  @Test
  void sanitizesTheValueOfHtmlModels() {
    for (String model : List.of("HTMLModel", "HTMLMathModel")) {
      SanitizedWidget out = widgets.sanitizeModel(C, model, json("{'value':'<img src=x onerror=alert(1)>'}"));
      String value = out.state().orElseThrow().path("value").textValue();
      assertFalse(value.contains("onerror=alert") && value.contains("<img"), value);
      assertTrue(rules(out.findings()).contains("widget.html.value"), rules(out.findings()).toString());
    }
  }

  @Test
  void leavesTextWidgetValuesAlone() {
    ObjectNode state = json("{'value':'<b>typed by the user</b> a < b'}");
    SanitizedWidget out = widgets.sanitizeModel(C, "TextareaModel", state);
    assertEquals(state, out.state().orElseThrow());
    assertFalse(out.changed());
  }

  @Test
  void sanitizesDescriptionsAndTooltipsOfEveryModel() {
    SanitizedWidget out = widgets.sanitizeModel(C, "ButtonModel",
        json("{'description':'<img src=x onerror=alert(1)>','tooltip':'<script>alert(2)</script>','description_allow_html':true}"));
    ObjectNode state = out.state().orElseThrow();
    assertFalse(state.path("description").textValue().contains("onerror"), state.toString());
    assertFalse(state.path("tooltip").textValue().contains("<script"), state.toString());
    assertTrue(rules(out.findings()).containsAll(List.of("widget.html.description", "widget.html.tooltip")));
  }

  @Test
  void keepsPlainDescriptionsWithoutFindings() {
    ObjectNode state = json("{'description':'Run the model','tooltip':'Runs it','description_tooltip':'x'}");
    SanitizedWidget out = widgets.sanitizeModel(C, "ButtonModel", state);
    assertEquals(state, out.state().orElseThrow());
    assertFalse(out.changed(), rules(out.findings()).toString());
  }

  @Test
  void appliesLatexRulesToLabelValues() {
    SanitizedWidget out = widgets.sanitizeModel(C, "LabelModel", json("{'value':'$\\\\href{javascript:alert(1)}{x}$'}"));
    assertEquals("${}{x}$", out.state().orElseThrow().path("value").textValue());
    assertEquals(List.of("latex.macro.href"), rules(out.findings()));
  }

  @Test
  void dropsReservedDomClasses() {
    SanitizedWidget out = widgets.sanitizeModel(C, "BoxModel",
        json("{'_dom_classes':['my-box','jp-Dialog','lm-Widget','p-Widget','a b','ok_2']}"));
    assertEquals(JSON.valueToTree(List.of("my-box", "ok_2")), out.state().orElseThrow().path("_dom_classes"));
    assertEquals(4, out.findings().size());
  }

  @Test
  void removesDangerousCssFromLayoutAndStyleModels() {
    SanitizedWidget out = widgets.sanitizeModel("@jupyter-widgets/base", "LayoutModel",
        json("{'width':'50%','border':'1px solid red','height':'expression(alert(1))',"
            + "'margin':'0; position: fixed','padding':'url(https://evil/x)','_view_name':'LayoutView'}"));
    ObjectNode state = out.state().orElseThrow();
    assertEquals(json("{'width':'50%','border':'1px solid red','_view_name':'LayoutView'}"), state);
    assertEquals(List.of("widget.css.value", "widget.css.value", "widget.css.value"), rules(out.findings()));
    SanitizedWidget style = widgets.sanitizeModel(C, "ButtonStyleModel", json("{'button_color':'red;background:url(x)'}"));
    assertFalse(style.state().orElseThrow().has("button_color"));
  }

  @Test
  void rejectsIconsThatAreNotPlainWords() {
    SanitizedWidget out = widgets.sanitizeModel(C, "ButtonModel", json("{'icon':'check><img src=x onerror=alert(1)>'}"));
    assertEquals("", out.state().orElseThrow().path("icon").textValue());
    assertEquals(List.of("widget.class-word.invalid"), rules(out.findings()));
  }

  @Test
  void sanitizesOutputWidgetOutputsRecursively() {
    SanitizedWidget out = widgets.sanitizeModel("@jupyter-widgets/output", "OutputModel", json(
        "{'msg_id':'abc','outputs':[{'output_type':'display_data','metadata':{},'data':{"
            + "'application/javascript':'alert(1)','text/plain':'fallback'}},"
            + "{'output_type':'stream','name':'stdout','text':'hi'}]}"));
    ObjectNode state = out.state().orElseThrow();
    assertEquals("abc", state.path("msg_id").textValue());
    JsonNode first = state.path("outputs").get(0).path("data");
    assertFalse(first.has("application/javascript"));
    assertEquals("fallback", first.path("text/plain").textValue());
    assertEquals("hi", state.path("outputs").get(1).path("text").textValue());
    assertTrue(out.findings().stream().anyMatch(f -> f.mimeType().equals("application/javascript")));
  }

  @Test
  void removesMalformedAndDisallowedModelsFromANotebookDocument() {
    JsonNode doc = json("{'version_major':2,'version_minor':0,'state':{"
        + "'ok1':{'model_name':'IntSliderModel','model_module':'" + C + "','model_module_version':'2.0.0','state':{'value':3}},"
        + "'bad id!':{'model_name':'IntSliderModel','model_module':'" + C + "','state':{}},"
        + "'evil':{'model_name':'EvilModel','model_module':'evil','state':{}},"
        + "'nostate':{'model_name':'IntSliderModel','model_module':'" + C + "'}}}");
    SanitizedWidgetDocument out = widgets.sanitizeNotebookState(doc);
    assertEquals(List.of("ok1"), iterable(out.document().path("state").fieldNames()));
    assertEquals(List.of("widget.state.model.invalid", "widget.module.not-allowed", "widget.state.model.invalid"),
        rules(out.findings()));
  }

  /** jsdlink/jslink copy values in the browser: Text.value (plain) into HTML.value (innerHTML). */
  @Test
  void dropsLinksThatWouldCopyValuesIntoSanitizedFieldsOrUnknownModels() {
    String m = "'model_module':'" + C + "','model_module_version':'2.0.0'";
    JsonNode doc = json("{'version_major':2,'version_minor':0,'state':{"
        + "'t':{'model_name':'TextModel'," + m + ",'state':{'value':'<img src=x onerror=alert(1)>'}},"
        + "'h':{'model_name':'HTMLModel'," + m + ",'state':{'value':'hi'}},"
        + "'s':{'model_name':'IntSliderModel'," + m + ",'state':{'value':7}},"
        + "'n':{'model_name':'IntTextModel'," + m + ",'state':{'value':3}},"
        + "'d1':{'model_name':'DirectionalLinkModel'," + m + ",'state':{'source':['IPY_MODEL_t','value'],'target':['IPY_MODEL_h','value']}},"
        + "'d2':{'model_name':'DirectionalLinkModel'," + m + ",'state':{'source':['IPY_MODEL_t','value'],'target':['IPY_MODEL_s','description']}},"
        + "'d3':{'model_name':'DirectionalLinkModel'," + m + ",'state':{'source':['IPY_MODEL_t','value'],'target':['IPY_MODEL_gone','value']}},"
        + "'l1':{'model_name':'LinkModel'," + m + ",'state':{'source':['IPY_MODEL_h','value'],'target':['IPY_MODEL_t','value']}},"
        + "'ok':{'model_name':'LinkModel'," + m + ",'state':{'source':['IPY_MODEL_s','value'],'target':['IPY_MODEL_n','value']}},"
        + "'ok2':{'model_name':'DirectionalLinkModel'," + m + ",'state':{'source':['IPY_MODEL_h','value'],'target':['IPY_MODEL_t','value']}}}}");
    SanitizedWidgetDocument out = widgets.sanitizeNotebookState(doc);
    assertEquals(List.of("t", "h", "s", "n", "ok", "ok2"), iterable(out.document().path("state").fieldNames()));
    assertEquals(List.of("widget.link.target", "widget.link.target", "widget.link.target", "widget.link.target"),
        rules(out.findings()));
    assertEquals(doc.at("/state/ok"), out.document().at("/state/ok"));
    // a link update on its own (a kernel comm) names models the caller has to know
    assertTrue(widgets.sanitizeModel(C, "LinkModel", json("{'target':['IPY_MODEL_n','value']}")).state().isEmpty());
    assertTrue(widgets.sanitizeModel(C, "LinkModel", json("{'target':['IPY_MODEL_n','value']}"),
        id -> java.util.Optional.of("IntTextModel")).state().isPresent());
  }

  @Test
  void refusesBuffersThatWouldReplaceSanitizedFields() {
    JsonNode doc = json("{'version_major':2,'version_minor':0,'state':{"
        + "'img':{'model_name':'ImageModel','model_module':'" + C + "','state':{'format':'png'},"
        + "'buffers':[{'encoding':'base64','path':['value'],'data':'iVBORw0KGgo='}]},"
        + "'html':{'model_name':'HTMLModel','model_module':'" + C + "','state':{},"
        + "'buffers':[{'encoding':'base64','path':['value'],'data':'PGI+'}]}}}");
    SanitizedWidgetDocument out = widgets.sanitizeNotebookState(doc);
    assertTrue(out.document().path("state").path("img").has("buffers"));
    assertFalse(out.document().path("state").path("html").has("buffers"));
    assertEquals(List.of("widget.state.buffers.invalid"), rules(out.findings()));
  }

  @Test
  void allowsBufferPathsOnlyOutsideSanitizedAndPrivateFields() {
    assertTrue(widgets.allowsBufferPath("ImageModel", JSON.valueToTree(List.of("value"))));
    assertTrue(widgets.allowsBufferPath("FileUploadModel", JSON.valueToTree(List.of("value", 0, "content"))));
    assertFalse(widgets.allowsBufferPath("HTMLModel", JSON.valueToTree(List.of("value"))));
    assertFalse(widgets.allowsBufferPath("ButtonModel", JSON.valueToTree(List.of("description"))));
    assertFalse(widgets.allowsBufferPath("ImageModel", JSON.valueToTree(List.of("_view_module"))));
    assertFalse(widgets.allowsBufferPath("ImageModel", JSON.valueToTree(List.of())));
  }

  @Test
  void treatsAnUnknownModuleAsNotAllowed() {
    SanitizedWidget out = widgets.sanitizeModel(null, "HTMLModel", json("{'value':'x'}"));
    assertTrue(out.state().isEmpty());
    assertEquals(List.of("widget.module.not-allowed"), rules(out.findings()));
  }

  @Test
  void replacesAnInvalidDocumentWithAnEmptyOne() {
    SanitizedWidgetDocument out = widgets.sanitizeNotebookState(json("{'state':[1,2]}"));
    assertEquals(json("{'version_major':2,'version_minor':0,'state':{}}"), out.document());
    assertEquals(List.of("widget.state.invalid"), rules(out.findings()));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
