package dev.nbguard.sanitizer.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Looks at every representation of a sanitized bundle for anything a browser would run. */
final class BundleCheck {
  private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();
  private static final Pattern JS_MIME = Pattern.compile(
      "(?i)(.*(java|ecma|live)script.*|application/vnd\\.(bokehjs|holoviews)_(exec|load)\\.v\\d+\\+json)");
  /** TeX that MathJax turns into links, markup attributes, CSS or extension loading (DESIGN.md). */
  private static final Pattern LATEX_DANGER = Pattern.compile(
      "(?is)\\\\(href\\s*\\{\\s*(javascript|vbscript|data)\\s*:|require\\s*\\{|class\\s*\\{|cssid\\s*\\{"
          + "|style\\s*\\{|unicode\\s*\\[|data\\s*\\{)");

  private static final Pattern PLACEHOLDER = Pattern.compile("@@(\\d+)@@");

  private BundleCheck() {}

  /** Problems in {@code bundle} ({@code {"data": …, "metadata": …}}); empty = safe. */
  static List<String> check(JsonNode bundle) {
    List<String> problems = new ArrayList<>();
    JsonNode data = bundle.path("data");
    for (Map.Entry<String, JsonNode> e : data.properties()) {
      String mime = e.getKey().toLowerCase(Locale.ROOT);
      String text = text(e.getValue());
      if (JS_MIME.matcher(mime).matches()) {
        problems.add(mime + ": a JavaScript MIME type was kept");
      } else if (mime.equals("text/html")) {
        prefix(mime, ExecutableContentCheck.html(text), problems);
        latex(mime, text, problems);
      } else if (mime.equals("image/svg+xml")) {
        prefix(mime, ExecutableContentCheck.svg(text), problems);
      } else if (mime.equals("text/markdown")) {
        String rendered = MARKDOWN_HTML.render(MARKDOWN.parse(text));
        prefix(mime + " (rendered)", ExecutableContentCheck.html(rendered), problems);
        prefix(mime + " (rendered, math put back)",
            ExecutableContentCheck.html(renderedWithMathPutBack(text)), problems);
        latex(mime, text, problems);
      } else if (mime.equals("text/latex")) {
        latex(mime, text, problems);
      } else if (mime.startsWith("application/vnd.vega")) {
        vega(mime, e.getValue(), bundle.path("metadata").path(e.getKey()), problems);
      }
    }
    return problems;
  }

  /**
   * As JupyterLab's renderMarkdown: math regions replaced by {@code @@n@@} before rendering,
   * put back afterwards with only {@code & < >} escaped.
   */
  private static String renderedWithMathPutBack(String text) {
    List<int[]> spans = dev.nbguard.sanitizer.markdown.MathSpans.find(text);
    StringBuilder placeholders = new StringBuilder();
    int pos = 0;
    for (int i = 0; i < spans.size(); i++) {
      placeholders.append(text, pos, spans.get(i)[0]).append("@@").append(i).append("@@");
      pos = spans.get(i)[1];
    }
    placeholders.append(text, pos, text.length());
    String html = MARKDOWN_HTML.render(MARKDOWN.parse(placeholders.toString()));
    return PLACEHOLDER.matcher(html).replaceAll(m -> {
      int n = Integer.parseInt(m.group(1));
      if (n >= spans.size()) {
        return java.util.regex.Matcher.quoteReplacement(m.group());
      }
      String math = text.substring(spans.get(n)[0], spans.get(n)[1]);
      return java.util.regex.Matcher.quoteReplacement(
          math.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    });
  }

  /** JupyterLab typesets math in HTML, Markdown and LaTeX outputs. */
  private static void latex(String mime, String text, List<String> problems) {
    problems.addAll(latexProblems(mime, text));
  }

  static List<String> latexProblems(String where, String text) {
    var m = LATEX_DANGER.matcher(text);
    return m.find() ? List.of(where + ": MathJax macro kept: " + ExecutableContentCheck.abbreviate(m.group())) : List.of();
  }

  private static void vega(String mime, JsonNode spec, JsonNode metadata, List<String> problems) {
    if (metadata.has("embed_options")) {
      problems.add(mime + ": metadata.embed_options kept");
    }
    // the only usermeta left is nbguard's own: View Source / View Compiled switched off
    if (spec.has("usermeta") && !spec.get("usermeta").toString()
        .equals("{\"embedOptions\":{\"actions\":{\"source\":false,\"compiled\":false}}}")) {
      problems.add(mime + ": usermeta kept: " + spec.get("usermeta"));
    }
    walkVega(mime, spec, "$", problems);
  }

  private static void walkVega(String mime, JsonNode n, String path, List<String> problems) {
    if (n.isTextual()) {
      String v = n.textValue();
      if (ExecutableContentCheck.isScriptUrl(v) || ExecutableContentCheck.containsScriptUrl(v.replace("'", ";").replace("\"", ";"))) {
        problems.add(mime + " " + path + ": script URL " + ExecutableContentCheck.abbreviate(v));
      }
      String lower = v.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("event.view") || lower.contains("__proto__") || lower.contains("constructor")
          || lower.contains("settimeout") || lower.contains("setinterval")) {
        problems.add(mime + " " + path + ": expression gadget " + ExecutableContentCheck.abbreviate(v));
      }
    } else if (n.isObject()) {
      n.properties().forEach(f -> walkVega(mime, f.getValue(), path + "." + f.getKey(), problems));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walkVega(mime, n.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  static String text(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      v.forEach(line -> sb.append(line.isTextual() ? line.textValue() : line.toString()));
      return sb.toString();
    }
    return v.toString();
  }

  private static void prefix(String mime, List<String> found, List<String> problems) {
    found.forEach(p -> problems.add(mime + ": " + p));
  }
}
