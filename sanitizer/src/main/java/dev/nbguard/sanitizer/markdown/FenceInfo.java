package dev.nbguard.sanitizer.markdown;

import dev.nbguard.sanitizer.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The info strings of fenced code blocks ({@code ```python}). JupyterLab's Markdown renderer
 * highlights a fenced block and builds {@code <pre><code class="language-INFO">} from the whole
 * info string without escaping it, so {@code ```x" onfocus="…" autofocus} writes a live event
 * handler. Every line that any parser could take for an opening fence, in any container (block
 * quotes, list items), keeps only the characters of its info string that cannot leave an
 * attribute value or start markup: quotes, {@code <}, {@code >}, {@code &}, backslashes (marked
 * unescapes {@code \"}), backticks and control characters are removed ({@code
 * markdown.fence.info}). Language names, {@code {r, echo=FALSE}} and titles keep their words.
 *
 * <p>Classic Notebook 6 highlights a fenced block (in Markdown outputs and Markdown cells, before
 * its own sanitizer runs) by loading the RequireJS module {@code codemirror/mode/INFO/INFO}, INFO
 * being the whole info string. RequireJS takes a module id with {@code :} or {@code ?} for a
 * URL and resolves {@code ..} segments, so {@code ```../../data:,alert(1)%2F%2F} loads and runs
 * a script. {@code /}, {@code :} and {@code ?} are removed as well: without {@code /} the module
 * id cannot climb out of the mode directory, without {@code :} and {@code ?} it is never a URL
 * (see {@link dev.nbguard.sanitizer.notebook.LanguageInfo} for the same loader fed from
 * {@code language_info}).
 */
public final class FenceInfo {
  /**
   * A line: container markers ({@code >}, list bullets and numbers, with their spaces), then a
   * run of three or more backticks or tildes, then the info string to the end of the line.
   */
  private static final Pattern OPENER = Pattern.compile(
      "(?m)^(?:[ \\t]*(?:>|[-+*]|\\d{1,9}[.)])(?=[ \\t>]|$))*[ \\t]*(`{3,}|~{3,})([^\\r\\n]*)$");
  private static final Pattern UNSAFE = Pattern.compile("[\"'<>&\\\\`/:?\\x00-\\x08\\x0a-\\x1f\\x7f]");
  /** What makes a module id leave classic Notebook's mode directory (see the class comment). */
  private static final Pattern MODULE_ID_BREAKOUT =
      Pattern.compile("[:?]|(?:^|[\\s/])\\.\\.(?:$|[\\s/])|^\\s*/");
  private static final Pattern MODULE_PATH = Pattern.compile("[/:?]");

  private FenceInfo() {}

  /**
   * A Markdown output's text with every fence info string made safe (JupyterLab's {@code class}
   * attribute and classic Notebook's module id); findings go to {@code report}.
   */
  public static String clean(String text, Report report) {
    return clean(text, UNSAFE, UNSAFE, report);
  }

  /**
   * A Markdown cell's source with only the info strings that classic Notebook would load as a
   * module outside its mode directory made safe: one with {@code :} or {@code ?} (a URL to
   * RequireJS), a {@code ..} segment, or a leading {@code /} loses its {@code /}, {@code :}
   * and {@code ?}. A cell is the author's own text, and JupyterLab renders cells through its
   * sanitizer, so other info strings ({@code {figure} images/fish.png}, titles in quotes) stay.
   */
  public static String cleanModuleIds(String text, Report report) {
    return clean(text, MODULE_ID_BREAKOUT, MODULE_PATH, report);
  }

  /** Removes {@code remove} from each info string in which {@code unsafe} finds something. */
  private static String clean(String text, Pattern unsafe, Pattern remove, Report report) {
    if (text.indexOf("```") < 0 && text.indexOf("~~~") < 0) {
      return text;
    }
    List<Edit> edits = new ArrayList<>();
    Matcher m = OPENER.matcher(text);
    while (m.find()) {
      String info = m.group(2);
      boolean backticks = m.group(1).charAt(0) == '`';
      if (backticks && info.indexOf('`') >= 0) {
        continue; // not a fence for any parser: a code span at the start of a line
      }
      if (unsafe.matcher(info).find()) {
        report.sanitized("markdown.fence.info", m.group(1) + info);
        edits.add(new Edit(m.start(2), m.end(2), remove.matcher(info).replaceAll("")));
      }
    }
    return Edit.apply(text, edits);
  }
}
