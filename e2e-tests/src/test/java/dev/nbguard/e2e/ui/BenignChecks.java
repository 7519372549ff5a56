package dev.nbguard.e2e.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What each benign cell of cells.py must show, in any UI and deployment: the table's cells and
 * text, the highlighted cell, the figure (loaded), the link, the typeset formula.
 */
final class BenignChecks {
  private BenignChecks() {
  }

  private static final Map<String, Consumer<JsonNode>> CHECKS = Map.of(
      "dataframe", o -> {
        containsAll(o, List.of("city", "Oslo", "Lima", "Hanoi", "19.25"));
        atLeast(o, "tableCells", 12);
      },
      "styler", o -> {
        containsAll(o, List.of("Oslo", "28.75"));
        atLeast(o, "tableCells", 12);
      },
      "matplotlib", o -> atLeast(o, "imagesLoaded", 1),
      "markdown-link", o -> {
        containsAll(o, List.of("the docs", "jupyter.org"));
        assertTrue(o.path("links").toString().contains("https://jupyter.org/"),
            "the link is kept: " + o.path("links"));
      },
      "latex", o -> atLeast(o, "math", 1));

  /**
   * Checks the output of benign cell {@code id}; {@code where} names the run in messages.
   * {@code trusted}: the UI shows the notebook as trusted. An untrusted one (classic Notebook
   * reopening a notebook it did not sign) sanitizes HTML, dropping the Styler's colours, and
   * shows Markdown outputs as their text/plain: then only the rest is checked.
   */
  static void check(String id, JsonNode output, String where, boolean trusted) {
    Consumer<JsonNode> check = CHECKS.get(id);
    if (check == null) {
      throw new IllegalStateException("no check for benign cell '" + id + "' (add one)");
    }
    assertTrue(output.path("present").asBoolean(), where + ": " + id + " has no output area");
    if (!trusted && id.equals("markdown-link")) {
      return;
    }
    try {
      check.accept(output);
      if (trusted && id.equals("styler")) {
        atLeast(output, "coloredCells", 1);
      }
    } catch (AssertionError e) {
      throw new AssertionError(where + ": benign cell " + id + ": " + e.getMessage()
          + "\n  observed: " + output, e);
    }
  }

  private static void containsAll(JsonNode o, List<String> texts) {
    String text = o.path("text").asText();
    for (String t : texts) {
      assertTrue(text.contains(t), "text contains '" + t + "'");
    }
  }

  private static void atLeast(JsonNode o, String field, int n) {
    assertTrue(o.path(field).asInt() >= n, field + " >= " + n + " (was " + o.path(field) + ")");
  }
}
