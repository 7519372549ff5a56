package dev.nbguard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares what a benign output displays raw and after nbguard: the same words (whitespace aside,
 * nothing lost and nothing visible added), the same table cells, the same cell colours, the same
 * number of loaded images, drawn canvases and SVG shapes. Returns the differences, empty when
 * they match.
 */
public final class BenignComparison {
  private static final int SHOW = 12;

  private BenignComparison() {}

  public static List<String> differences(JsonNode raw, JsonNode sanitized) {
    List<String> diffs = new ArrayList<>();
    Map<String, Integer> rawWords = words(raw.path("text").asText(""));
    Map<String, Integer> sanWords = words(sanitized.path("text").asText(""));
    List<String> lost = minus(rawWords, sanWords);
    List<String> added = minus(sanWords, rawWords);
    if (!lost.isEmpty()) {
      diffs.add("visible text lost (" + lost.size() + " words): " + show(lost));
    }
    if (!added.isEmpty()) {
      diffs.add("visible text added (" + added.size() + " words): " + show(added));
    }
    List<String> rawCells = sortedTexts(raw.path("cells"));
    List<String> sanCells = sortedTexts(sanitized.path("cells"));
    if (!rawCells.equals(sanCells)) {
      diffs.add("table cells differ: raw " + rawCells.size() + " cells, sanitized " + sanCells.size()
          + "; only raw: " + show(minus(count(rawCells), count(sanCells)))
          + "; only sanitized: " + show(minus(count(sanCells), count(rawCells))));
    }
    List<String> rawColors = texts(raw.path("tdColors"));
    List<String> sanColors = texts(sanitized.path("tdColors"));
    if (!rawColors.equals(sanColors)) {
      diffs.add("table cell colours differ: " + firstDifference(rawColors, sanColors));
    }
    compareCount(diffs, "loaded images", raw, sanitized, "imagesLoaded");
    List<String> rawCanvases = sortedTexts(raw.path("canvases"));
    List<String> sanCanvases = sortedTexts(sanitized.path("canvases"));
    if (!rawCanvases.equals(sanCanvases)) {
      diffs.add("drawn canvases (Vega): raw " + rawCanvases + ", sanitized " + sanCanvases);
    }
    int rawShapes = raw.path("svgShapes").asInt() + raw.path("svgImageShapes").asInt();
    int sanShapes = sanitized.path("svgShapes").asInt() + sanitized.path("svgImageShapes").asInt();
    if (rawShapes != sanShapes) {
      diffs.add("SVG shapes: raw " + rawShapes + " (inline " + raw.path("svgShapes").asInt()
          + ", in SVG images " + raw.path("svgImageShapes").asInt() + "), sanitized " + sanShapes
          + " (inline " + sanitized.path("svgShapes").asInt() + ", in SVG images "
          + sanitized.path("svgImageShapes").asInt() + ")");
    }
    compareCount(diffs, "SVG images", raw, sanitized, "svgImages");
    return diffs;
  }

  private static void compareCount(List<String> diffs, String what, JsonNode raw, JsonNode san, String field) {
    int a = raw.path(field).asInt();
    int b = san.path(field).asInt();
    if (a != b) {
      diffs.add(what + ": raw " + a + ", sanitized " + b);
    }
  }

  static Map<String, Integer> words(String text) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String w : text.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static Map<String, Integer> count(List<String> items) {
    Map<String, Integer> counts = new TreeMap<>();
    items.forEach(i -> counts.merge(i, 1, Integer::sum));
    return counts;
  }

  /** Items of a (with multiplicity) that b does not have. */
  private static List<String> minus(Map<String, Integer> a, Map<String, Integer> b) {
    List<String> out = new ArrayList<>();
    a.forEach((w, n) -> {
      for (int i = b.getOrDefault(w, 0); i < n; i++) {
        out.add(w);
      }
    });
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isTextual() ? n.textValue() : n.toString()));
    return out;
  }

  private static List<String> sortedTexts(JsonNode array) {
    List<String> out = texts(array);
    out.sort(null);
    return out;
  }

  private static String firstDifference(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return "raw " + a.size() + " cells, sanitized " + b.size();
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Objects.equals(a.get(i), b.get(i))) {
        return "cell " + i + ": raw " + a.get(i) + ", sanitized " + b.get(i);
      }
    }
    return "(none)";
  }

  private static String show(List<String> items) {
    List<String> quoted = items.stream().limit(SHOW).map(s -> "'" + s + "'").toList();
    return String.join(", ", quoted) + (items.size() > SHOW ? ", …" : "");
  }
}
