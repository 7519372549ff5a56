package dev.nbguard.sanitizer.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.nbguard.sanitizer.Report;
import dev.nbguard.sanitizer.SanitizedOutputs;
import dev.nbguard.sanitizer.html.HtmlSanitizer;
import dev.nbguard.sanitizer.latex.LatexSanitizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The per-field rules of {@link WidgetStateSanitizer}, applied in place to a copied state. */
final class WidgetFields {
  private static final Set<String> HTML_VALUE_MODELS = Set.of("HTMLModel", "HTMLMathModel");
  private static final Set<String> MATH_VALUE_MODELS = Set.of("HTMLMathModel", "LabelModel");
  /** Rendered as HTML (or typeset) by some ipywidgets 7/8 view; plain text passes unchanged. */
  private static final Set<String> HTML_FIELDS =
      Set.of("description", "placeholder", "tooltip", "description_tooltip");
  private static final Set<String> HTML_LIST_FIELDS = Set.of("_options_labels", "_titles", "titles", "tooltips");
  /** Used to build class names ({@code fa-<icon>}, {@code mod-<style>}). */
  private static final Set<String> CLASS_WORD_FIELDS = Set.of("icon", "button_style", "bar_style", "box_style");
  private static final Pattern CLASS_WORD = Pattern.compile("[A-Za-z0-9_ -]{0,64}");
  private static final Pattern DOM_CLASS = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,127}");
  private static final Pattern RESERVED_CLASS = Pattern.compile("(?i)(jp|lm|p|mod|widget|jupyter)-.*");
  private static final Pattern BAD_CSS =
      Pattern.compile("(?i)url\\(|expression|javascript:|image\\(|image-set\\(|element\\(|[;{}<>@\\\\]|/\\*");

  private final HtmlSanitizer html;
  private final LatexSanitizer latex;
  private final SanitizedOutputs.Sanitizer outputs;

  WidgetFields(HtmlSanitizer html, LatexSanitizer latex, SanitizedOutputs.Sanitizer outputs) {
    this.html = html;
    this.latex = latex;
    this.outputs = outputs;
  }

  void apply(Set<String> modelNames, ObjectNode state, Report report) {
    boolean styleModel = modelNames.stream().anyMatch(n -> n.endsWith("StyleModel") || n.equals("LayoutModel"));
    boolean outputModel = modelNames.contains("OutputModel");
    List<String> remove = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = state.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (key.equals("value") && v.isTextual() && modelNames.stream().anyMatch(HTML_VALUE_MODELS::contains)) {
        e.setValue(TextNode.valueOf(htmlText(key, v.textValue(), report)));
      } else if (key.equals("value") && v.isTextual() && modelNames.stream().anyMatch(MATH_VALUE_MODELS::contains)) {
        e.setValue(TextNode.valueOf(latex.clean(v.textValue(), report)));
      } else if (HTML_FIELDS.contains(key) && v.isTextual()) {
        e.setValue(TextNode.valueOf(htmlText(key, v.textValue(), report)));
      } else if (HTML_LIST_FIELDS.contains(key) && v.isArray()) {
        e.setValue(htmlList(key, (ArrayNode) v, report));
      } else if (CLASS_WORD_FIELDS.contains(key) && v.isTextual() && !CLASS_WORD.matcher(v.textValue()).matches()) {
        report.sanitized("widget.class-word.invalid", key + "=" + v.textValue());
        e.setValue(TextNode.valueOf(""));
      } else if (key.equals("_dom_classes") && v.isArray()) {
        e.setValue(domClasses((ArrayNode) v, report));
      } else if (styleModel && !key.startsWith("_") && v.isTextual() && BAD_CSS.matcher(v.textValue()).find()) {
        report.sanitized("widget.css.value", key + ": " + v.textValue());
        remove.add(key);
      } else if (outputModel && key.equals("outputs")) {
        var result = outputs.sanitize(v, 0);
        report.addAll(result.findings());
        e.setValue(result.outputs());
      }
    }
    remove.forEach(state::remove);
  }

  /**
   * LaTeX rules, then the HTML policy. Its output replaces the text whenever a browser would build
   * another tree from it, silent rewrites included (ids prefixed against DOM clobbering, links
   * opened in a new tab: widget views insert their HTML with {@code innerHTML} and JupyterLab
   * retargets none of it); otherwise the text stays as it was.
   */
  private String htmlText(String field, String text, Report report) {
    String afterLatex = latex.clean(text, report);
    if (afterLatex.indexOf('<') < 0) {
      return afterLatex; // no markup can come from text without a '<'
    }
    Report local = new Report(report.mimeType());
    String clean = html.sanitize(afterLatex, local);
    if (local.isEmpty() && HtmlSanitizer.sameForBrowser(afterLatex, clean)) {
      return afterLatex;
    }
    if (!local.isEmpty()) {
      report.sanitized("widget.html." + field, text);
      report.addAll(local.findings());
    }
    return clean;
  }

  private ArrayNode htmlList(String field, ArrayNode list, Report report) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode item : list) {
      out.add(item.isTextual() ? TextNode.valueOf(htmlText(field, item.textValue(), report)) : item);
    }
    return out;
  }

  private static ArrayNode domClasses(ArrayNode classes, Report report) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode c : classes) {
      String name = c.isTextual() ? c.textValue() : c.toString();
      if (c.isTextual() && DOM_CLASS.matcher(name).matches() && !RESERVED_CLASS.matcher(name).matches()) {
        out.add(c);
      } else {
        report.sanitized("widget.dom-class", name);
      }
    }
    return out;
  }
}
