package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code language_info} object (a notebook's {@code metadata.language_info}, a {@code
 * kernel_info_reply}'s {@code language_info}). Classic Notebook 6 loads its {@code
 * codemirror_mode} (else its {@code name}) as the RequireJS module {@code
 * codemirror/mode/MODE/MODE} when a notebook opens and when a kernel connects. RequireJS takes a
 * module id with {@code :} or {@code ?} for a URL, and {@code ..} segments climb out of the mode
 * directory, so {@code "../../data:,alert(1)%2F%2F"} runs script in the page. A mode name is kept
 * only when it cannot do either: one or two {@code /}-separated segments (a name or a MIME type
 * such as {@code text/x-c++src}), each starting with a letter or digit, made of letters, digits,
 * {@code _+#.-} and inner spaces. An unsafe {@code codemirror_mode} is removed (frontends fall back
 * to {@code name}); an unsafe {@code name} becomes {@code ""} (classic then uses plain text).
 */
public final class LanguageInfo {
  static final String MIME = "(language_info)";
  private static final Pattern SAFE_MODE = Pattern.compile(
      "[A-Za-z0-9][A-Za-z0-9_+#.\\- ]{0,99}(?:/[A-Za-z0-9][A-Za-z0-9_+#.\\-]{0,99})?");

  private LanguageInfo() {}

  /** Whether RequireJS resolves {@code codemirror/mode/NAME/NAME} inside the mode directory. */
  public static boolean safeModeName(String name) {
    return SAFE_MODE.matcher(name).matches() && !name.endsWith(" ");
  }

  /**
   * Makes {@code languageInfo} (a copy the caller owns) safe in place; returns what was changed
   * (empty when nothing was).
   */
  public static List<Finding> clean(ObjectNode languageInfo) {
    List<Finding> findings = new ArrayList<>();
    JsonNode mode = languageInfo.get("codemirror_mode");
    if (mode != null && !mode.isNull() && !safeMode(mode)) {
      languageInfo.remove("codemirror_mode");
      findings.add(new Finding(MIME, Action.DROP, "language-info.codemirror-mode", mode.toString()));
    }
    JsonNode name = languageInfo.get("name");
    if (name != null && !(name.isTextual() && (name.textValue().isEmpty() || safeModeName(name.textValue())))) {
      languageInfo.put("name", "");
      findings.add(new Finding(MIME, Action.SANITIZE, "language-info.name", name.toString()));
    }
    return findings;
  }

  /**
   * A string mode, or an object whose {@code name} and {@code mode} (what classic Notebook's
   * {@code requireCodeMirrorMode} reads) are absent, null or safe strings.
   */
  private static boolean safeMode(JsonNode mode) {
    if (mode.isTextual()) {
      return mode.textValue().isEmpty() || safeModeName(mode.textValue());
    }
    if (!mode.isObject()) {
      return false;
    }
    for (String key : List.of("name", "mode")) {
      JsonNode v = mode.get(key);
      if (v != null && !v.isNull() && !(v.isTextual() && safeMode(v))) {
        return false;
      }
    }
    return true;
  }
}
