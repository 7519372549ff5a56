package dev.nbguard.sanitizer.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.Preset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookSanitizerTest {
  private final NotebookSanitizer sanitizer = new NotebookSanitizer(OutputPolicy.preset(Preset.DEFAULT));

  private static JsonNode load(String name) throws IOException {
    return NotebookJson.read(new String(NotebookJsonTest.resource(name), StandardCharsets.UTF_8));
  }

  @Test
  void cleanNotebookIsUnchangedAndHasNoFindings() throws IOException {
    JsonNode nb = load("clean.ipynb");
    SanitizedNotebook r = sanitizer.sanitize(nb);
    assertFalse(r.changed(), () -> r.findings().toString());
    assertEquals(nb, r.notebook());
  }

  @Test
  void scriptInHtmlOutputIsReportedWithItsLocationAndTextIsKept() throws IOException {
    JsonNode nb = load("hostile.ipynb");
    SanitizedNotebook r = sanitizer.sanitize(nb);
    assertTrue(r.findings().stream().anyMatch(f -> f.cell() == 1 && f.output() == 0
        && f.where().equals("outputs") && f.finding().mimeType().equals("text/html")),
        () -> r.findings().toString());
    JsonNode out0 = r.notebook().at("/cells/1/outputs/0");
    assertEquals(nb.at("/cells/1/outputs/0/data/text~1plain"), out0.at("/data/text~1plain"));
    assertFalse(out0.toString().contains("<script>alert(document.cookie)"), out0.toString());
    assertEquals(nb.at("/cells/1/outputs/1"), r.notebook().at("/cells/1/outputs/1"), "stream kept");
    assertEquals(nb.at("/cells/2"), r.notebook().at("/cells/2"), "plain result kept");
  }

  @Test
  void unknownOutputTypeIsDroppedAndLaterIndexesStayTheOriginalOnes() throws IOException {
    SanitizedNotebook r = sanitizer.sanitize(load("hostile.ipynb"));
    assertEquals(2, r.notebook().at("/cells/1/outputs").size());
    assertTrue(r.findings().stream().anyMatch(f -> f.cell() == 1 && f.output() == 2
        && f.finding().rule().equals("output.unknown-type")), () -> r.findings().toString());
  }

  @Test
  void sourcesAndCellMetadataAreLeftAlone() throws IOException {
    JsonNode nb = load("hostile.ipynb");
    SanitizedNotebook r = sanitizer.sanitize(nb);
    for (int i = 0; i < nb.get("cells").size(); i++) {
      assertEquals(nb.at("/cells/" + i + "/source"), r.notebook().at("/cells/" + i + "/source"));
      assertEquals(nb.at("/cells/" + i + "/id"), r.notebook().at("/cells/" + i + "/id"));
    }
    assertEquals(nb.at("/metadata/kernelspec"), r.notebook().at("/metadata/kernelspec"));
  }

  @Test
  void nonImageAttachmentIsRemovedWithAFindingAndImagesStay() throws IOException {
    JsonNode nb = load("hostile.ipynb");
    SanitizedNotebook r = sanitizer.sanitize(nb);
    assertEquals(nb.at("/cells/0/attachments/pic.png"), r.notebook().at("/cells/0/attachments/pic.png"));
    assertTrue(r.notebook().at("/cells/0/attachments/evil.html").isMissingNode());
    assertTrue(r.findings().stream().anyMatch(f -> f.cell() == 0 && f.output() == -1
        && f.where().equals("attachments/evil.html")
        && f.finding().rule().equals("attachment.not-an-image")), () -> r.findings().toString());
  }

  @Test
  void widgetStateGoesThroughTheWidgetPolicy() throws IOException {
    JsonNode nb = load("hostile.ipynb");
    SanitizedNotebook r = sanitizer.sanitize(nb);
    String path = "/metadata/widgets/application~1vnd.jupyter.widget-state+json/state/abc";
    JsonNode model = r.notebook().at(path);
    assertFalse(model.isMissingNode(), "an allowed HTMLModel stays");
    assertFalse(model.toString().contains("onerror"), model.toString());
    NotebookFinding f = r.findings().stream()
        .filter(x -> x.where().equals("metadata.widgets")).findFirst().orElseThrow();
    assertEquals(-1, f.cell());
    assertEquals(-1, f.output());
  }

  @Test
  void cleanWidgetStateIsLeftAlone() throws IOException {
    ObjectNode nb = (ObjectNode) load("clean.ipynb");
    JsonNode state = NotebookJson.read("{\"version_major\": 2, \"version_minor\": 0, \"state\": {"
        + "\"0123456789abcdef0123456789abcdef\": {\"model_module\": \"@jupyter-widgets/controls\","
        + " \"model_module_version\": \"2.0.0\", \"model_name\": \"IntSliderModel\","
        + " \"state\": {\"value\": 3, \"max\": 10, \"description\": \"n\"}}}}");
    ((ObjectNode) nb.get("metadata")).putObject("widgets").set(NotebookSanitizer.WIDGET_STATE, state);
    SanitizedNotebook r = sanitizer.sanitize(nb);
    assertFalse(r.changed(), () -> r.findings().toString());
    assertEquals(nb, r.notebook());
  }

  @Test
  void svgAttachmentIsSanitized() throws IOException {
    ObjectNode nb = (ObjectNode) load("clean.ipynb");
    ObjectNode cell = (ObjectNode) nb.at("/cells/0");
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"5\" height=\"5\"/></svg>";
    cell.putObject("attachments").putObject("d.svg").put("image/svg+xml",
        java.util.Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
    SanitizedNotebook r = sanitizer.sanitize(nb);
    assertTrue(r.findings().stream().anyMatch(f -> f.cell() == 0 && f.where().equals("attachments/d.svg")),
        () -> r.findings().toString());
    JsonNode kept = r.notebook().at("/cells/0/attachments/d.svg/image~1svg+xml");
    String decoded = new String(java.util.Base64.getDecoder().decode(kept.asText()), StandardCharsets.UTF_8);
    assertTrue(decoded.contains("<rect"), decoded);
    assertFalse(decoded.contains("alert"), decoded);
  }

  @Test
  void inputIsNeverModified() throws IOException {
    JsonNode nb = load("hostile.ipynb");
    JsonNode copy = nb.deepCopy();
    sanitizer.sanitize(nb);
    assertEquals(copy, nb);
  }

  @Test
  void rejectsWhatIsNotAnNbformat4Notebook() {
    for (String text : List.of("[]", "{\"cells\": []}", "{\"nbformat\": 3, \"worksheets\": []}",
        "{\"nbformat\": \"4\", \"cells\": []}", "{\"nbformat\": 4, \"cells\": {}}")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sanitizer.sanitize(NotebookJson.read(text)), text);
      assertTrue(e.getMessage().startsWith("not a Jupyter notebook (nbformat 4): "), e.getMessage());
    }
  }

  @Test
  void describeSaysCellOutputMimeRuleAndExcerpt() {
    NotebookFinding f = new NotebookFinding(3, 0, "outputs", new dev.nbguard.sanitizer.Finding(
        "text/html", Action.SANITIZE, "html.attribute.event-handler", "<img src=x onerror=alert(1)>"));
    assertEquals("cell 3, output 0, text/html: html.attribute.event-handler"
        + " (<img src=x onerror=alert(1)>)", f.describe());
  }

  private static JsonNode notebook(String cells, String languageInfo) throws IOException {
    return NotebookJson.read("{\"cells\": " + cells + ", \"metadata\": {\"language_info\": "
        + languageInfo + "}, \"nbformat\": 4, \"nbformat_minor\": 5}");
  }

  /** Classic Notebook loads {@code codemirror/mode/MODE/MODE} with RequireJS when it opens a notebook. */
  @Test
  void languageInfoCannotMakeClassicNotebookLoadAScript() throws IOException {
    JsonNode nb = notebook("[]", "{\"name\": \"../../data:,alert(1)\", "
        + "\"codemirror_mode\": \"../../data:,alert(1)%2F%2F\", \"version\": \"3.11\"}");
    SanitizedNotebook r = sanitizer.sanitize(nb);
    assertEquals("{\"name\":\"\",\"version\":\"3.11\"}", r.notebook().at("/metadata/language_info").toString());
    assertTrue(r.findings().stream().allMatch(f -> f.where().equals("metadata.language_info")),
        () -> r.findings().toString());
    assertEquals(2, r.findings().size(), () -> r.findings().toString());
    for (String mode : List.of("{\"name\": \"x\", \"mode\": \"/files/evil\", \"mime\": \"text/x\"}",
        "{\"name\": [\"../../data:,alert(1)\"]}", "\"x?y\"", "\"a/../../b\"", "\"text/x-py:x\"")) {
      JsonNode info = sanitizer.sanitize(notebook("[]", "{\"name\": \"python\", \"codemirror_mode\": " + mode + "}"))
          .notebook().at("/metadata/language_info");
      assertEquals("{\"name\":\"python\"}", info.toString(), mode);
    }
  }

  @Test
  void ordinaryLanguageInfoIsKept() throws IOException {
    for (String info : List.of(
        "{\"name\": \"python\", \"codemirror_mode\": {\"name\": \"ipython\", \"version\": 3}}",
        "{\"name\": \"C++17\", \"codemirror_mode\": \"text/x-c++src\"}",
        "{\"name\": \"Wolfram Language\", \"codemirror_mode\": \"mathematica\"}",
        "{\"name\": \"R\", \"codemirror_mode\": \"r\", \"file_extension\": \".r\"}")) {
      JsonNode nb = notebook("[]", info);
      SanitizedNotebook r = sanitizer.sanitize(nb);
      assertFalse(r.changed(), () -> info + " " + r.findings());
    }
  }

  /** Classic Notebook highlights a Markdown cell's fenced blocks before its own sanitizer runs. */
  @Test
  void markdownCellFenceInfoCannotNameAModuleUrl() throws IOException {
    JsonNode nb = notebook("[{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": "
        + "[\"Text\\n\", \"```../../data:,alert(1)%2F%2F\\n\", \"x\\n\", \"```\"]},"
        + "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"```python\\nx\\n```\"}]",
        "{\"name\": \"python\"}");
    SanitizedNotebook r = sanitizer.sanitize(nb);
    assertEquals("[\"Text\\n\",\"```....data,alert(1)%2F%2F\\n\",\"x\\n\",\"```\"]",
        r.notebook().at("/cells/0/source").toString());
    assertEquals(nb.at("/cells/1"), r.notebook().at("/cells/1"));
    assertTrue(r.findings().stream().anyMatch(f -> f.cell() == 0 && f.where().equals("source")
        && f.finding().rule().equals("markdown.fence.info")), () -> r.findings().toString());
  }
  /** A cell is its author's text: info strings that cannot leave the mode directory stay. */
  @Test
  void markdownCellFenceInfoThatStaysInTheModeDirectoryIsKept() throws IOException {
    for (String info : new String[] {"{figure} images/fish.png", "python title=\\\"src/a.py\\\"",
        "{r, fig.cap=\\\"A\\\"}", "c++", "text/x-c++src"}) {
      JsonNode nb = notebook("[{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"```"
          + info + "\\nx\\n```\"}]", "{\"name\": \"python\"}");
      SanitizedNotebook r = sanitizer.sanitize(nb);
      assertFalse(r.changed(), () -> info + " " + r.findings());
    }
    for (String info : new String[] {"/evil", "a/../../b", "x?y", "https:x"}) {
      JsonNode nb = notebook("[{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"```"
          + info + "\\nx\\n```\"}]", "{\"name\": \"python\"}");
      SanitizedNotebook r = sanitizer.sanitize(nb);
      String source = r.notebook().at("/cells/0/source").textValue();
      assertTrue(r.changed() && !source.contains("/") && !source.contains(":")
          && !source.contains("?"), () -> info + " -> " + source);
    }
  }
}
