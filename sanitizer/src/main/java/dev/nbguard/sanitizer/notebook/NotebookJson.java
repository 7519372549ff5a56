package dev.nbguard.sanitizer.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Reads notebooks and MIME bundles the way Python's {@code json} module does, and writes them
 * back the way nbformat does ({@code json.dumps(nb, indent=1, sort_keys=True,
 * separators=(",", ": "), ensure_ascii=False)} plus a newline), so a notebook written by Jupyter
 * and re-written here is byte-identical.
 *
 * <p>Floating-point numbers keep their original text ({@code 1e-05}, {@code -0.0}, {@code NaN}),
 * which Python's {@code repr} produced; duplicate keys keep the last value, as in Python and
 * JavaScript.
 */
public final class NotebookJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  private NotebookJson() {}

  /** A float as it was written in the input; it is written back unchanged. */
  static final class RawFloatNode extends DoubleNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    RawFloatNode(double value, String text) {
      super(value);
      this.text = text;
    }

    String text() {
      return text;
    }
  }

  /**
   * Parses one JSON value that must fill the whole text (surrounding whitespace aside).
   *
   * @throws IllegalArgumentException {@code "line N: not valid JSON: …"}
   */
  public static JsonNode read(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("line 1: not valid JSON: the input is empty");
      }
      JsonNode value = readValue(p, first);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException(
            "line " + p.currentTokenLocation().getLineNr()
                + ": not valid JSON: more content after the first JSON value");
      }
      return value;
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "line " + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          o.set(name, readValue(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          a.add(readValue(p, v));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return new RawFloatNode(p.getDoubleValue(), p.getText());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new JsonParseException(p, "unexpected " + t);
    }
  }

  /** The notebook as nbformat writes it: one-space indent, sorted keys, trailing newline. */
  public static String writeNotebook(JsonNode notebook) {
    StringBuilder sb = new StringBuilder();
    new PythonJsonWriter(sb, true).value(notebook, 0);
    return sb.append('\n').toString();
  }

  /** Streams the notebook in nbformat's form to {@code out}. */
  public static void writeNotebook(JsonNode notebook, Writer out) throws IOException {
    try {
      new PythonJsonWriter(out, true).value(notebook, 0);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.write('\n');
  }

  /** One line, no spaces, keys in their order: for JSON Lines and pipes. */
  public static String writeCompact(JsonNode value) {
    StringBuilder sb = new StringBuilder();
    new PythonJsonWriter(sb, false).value(value, 0);
    return sb.toString();
  }
}
