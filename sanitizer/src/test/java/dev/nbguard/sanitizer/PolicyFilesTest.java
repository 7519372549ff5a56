package dev.nbguard.sanitizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PolicyFilesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private String errorOf(String name, String text) throws IOException {
    Path p = write(name, text);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PolicyFiles.load(p));
    assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
    return e.getMessage();
  }

  @Test
  void yamlFileRefinesItsPreset() throws IOException {
    Path p = write("p.yaml", """
        extends: strict
        mime:
          text/html: drop
          image/*: allow
        urlSchemes: [https]
        limits: {maxNestingDepth: 3}
        """);
    PolicyConfig c = PolicyFiles.load(p);
    assertEquals(Preset.STRICT, c.base());
    assertEquals(Action.DROP, c.actionFor("text/html"));
    assertEquals(Action.ALLOW, c.actionFor("image/x-icon"));
    assertEquals(Action.SANITIZE, c.actionFor("image/svg+xml"), "exact preset entry beats the pattern");
    assertEquals(Set.of("https"), c.urlSchemes());
    assertEquals(3, c.limits().maxNestingDepth());
    assertEquals(PolicyConfig.Limits.DEFAULT.sandboxHeightPx(), c.limits().sandboxHeightPx());
    assertEquals(PolicyConfig.builder(Preset.STRICT).build().cssProperties(), c.cssProperties());
  }

  @Test
  void jsonFileIsReadByExtensionOrContent() throws IOException {
    PolicyConfig byExt = PolicyFiles.load(write("p.json", "{\"mime\": {\"text/html\": \"sanitize\"}}"));
    PolicyConfig byContent = PolicyFiles.load(write("policy", "  {\"mime\": {\"text/html\": \"sanitize\"}}"));
    assertEquals(Preset.DEFAULT, byExt.base());
    assertEquals(Action.SANITIZE, byExt.actionFor("text/html"));
    assertEquals(byExt, byContent);
  }

  @Test
  void unknownTopLevelKeyIsNamed() throws IOException {
    String m = errorOf("p.yaml", "extends: default\nmimes: {text/html: drop}\n");
    assertTrue(m.contains("mimes: unknown key"), m);
  }

  @Test
  void unknownLimitKeyIsNamed() throws IOException {
    String m = errorOf("p.yaml", "limits: {maxDepth: 3}\n");
    assertTrue(m.contains("limits.maxDepth: unknown key"), m);
  }

  @Test
  void unknownActionIsNamedWithItsMimeType() throws IOException {
    String m = errorOf("p.yaml", "mime: {text/html: escape}\n");
    assertTrue(m.contains("mime.text/html: unknown action 'escape'"), m);
  }

  @Test
  void unknownPresetInExtendsIsRejected() throws IOException {
    String m = errorOf("p.yaml", "extends: lenient\n");
    assertTrue(m.contains("extends: unknown preset 'lenient'"), m);
  }

  @Test
  void wrongTypesAreRejectedWithTheirKey() throws IOException {
    assertTrue(errorOf("a.yaml", "mime: [text/html]\n").contains("mime: must be a mapping"));
    assertTrue(errorOf("b.yaml", "urlSchemes: https\n").contains("urlSchemes: must be a list"));
    assertTrue(errorOf("c.yaml", "widgetModules: [1]\n").contains("widgetModules: must be a string"));
    assertTrue(errorOf("d.yaml", "limits: {sandboxHeightPx: tall}\n")
        .contains("limits.sandboxHeightPx: must be a positive integer"));
    assertTrue(errorOf("e.yaml", "limits: {maxNestingDepth: 0}\n")
        .contains("limits.maxNestingDepth: must be a positive integer"));
    assertTrue(errorOf("f.yaml", "extends: [strict]\n").contains("extends: must be a string"));
    assertTrue(errorOf("g.yaml", "- strict\n").contains("(top level): must be a mapping"));
    assertTrue(errorOf("h.yaml", "mime: {text/html: true}\n").contains("mime.text/html: must be a string"));
  }

  @Test
  void badMimeKeysAndScriptSchemesAreRejected() throws IOException {
    assertTrue(errorOf("a.yaml", "mime: {html: allow}\n").contains("mime.html: 'html' is not a MIME type"));
    assertTrue(errorOf("b.yaml", "urlSchemes: [https, javascript]\n")
        .contains("urlSchemes: 'javascript' runs script"));
    assertTrue(errorOf("c.yaml", "urlSchemes: ['https:']\n").contains("is not a URL scheme"));
  }

  @Test
  void syntaxErrorsEmptyFilesAndDuplicatesAreClear() throws IOException {
    assertTrue(errorOf("a.json", "{\"mime\": {\n\"text/html\": }\n}").contains("line 2: not valid JSON"));
    assertTrue(errorOf("b.yaml", "").contains("the policy file is empty"));
    assertTrue(errorOf("c.yaml", "mime: {text/html: drop}\nmime: {text/html: allow}\n")
        .contains("not valid YAML"));
  }

  @Test
  void resolveTakesPresetNamesAndPaths() throws IOException {
    assertEquals(PolicyConfig.builder(Preset.STRICT).build(), PolicyFiles.resolve("Strict"));
    Path p = write("p.yml", "extends: permissive\n");
    assertEquals(Preset.PERMISSIVE, PolicyFiles.resolve(p.toString()).base());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PolicyFiles.resolve(dir.resolve("missing.yaml").toString()));
    assertTrue(e.getMessage().contains("no preset or policy file named"), e.getMessage());
  }

  /** The example files in jupyter-config/policies/ spell out the built-in presets exactly. */
  @ParameterizedTest
  @EnumSource(Preset.class)
  void shippedPresetFilesEqualTheBuiltInPresets(Preset preset) {
    Path file = Path.of("..", "jupyter-config", "policies", preset.label() + ".yaml");
    assertEquals(PolicyConfig.builder(preset).build(), PolicyFiles.load(file));
  }
}
