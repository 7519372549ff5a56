package dev.nbguard.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * The one JSON reader configuration of the protocol layer: standard JSON only (no comments, no
 * NaN, no single quotes), duplicate keys rejected at every depth, source text kept out of error
 * messages, string and nesting limits sized for kernel messages. Thread-safe and immutable.
 */
public final class StrictJson {

  /** Deepest nesting accepted; real messages (widget state included) stay far below. */
  public static final int MAX_NESTING_DEPTH = 500;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNameLength(1 << 20)
                  .build())
          .build();

  private StrictJson() {}

  /** The shared, strictly configured factory (reuse it: building one is costly). */
  public static JsonFactory factory() {
    return FACTORY;
  }

  /** A parser over {@code json}, reading the bytes in place. */
  static JsonParser parser(Bytes json) throws IOException {
    return FACTORY.createParser(json.array(), json.offset(), json.length());
  }

  /**
   * Checks that {@code json} is exactly one JSON object (whitespace around it allowed), without
   * building a tree: the check that makes splicing raw parts into a larger JSON text safe.
   *
   * @param partName names the part in the error, e.g. {@code "content"}
   * @throws ProtocolException when it is not
   */
  public static void requireObject(Bytes json, String partName) {
    if (json.length() == 2 && json.byteAt(0) == '{' && json.byteAt(1) == '}') {
      return; // the commonest part of all (metadata, parent_header): skip the parser
    }
    try (JsonParser p = parser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ProtocolException(partName + " is not a JSON object");
      }
      p.skipChildren();
      if (p.nextToken() != null) {
        throw new ProtocolException(partName + " has data after its JSON object");
      }
    } catch (IOException e) {
      throw invalid(partName, e);
    }
  }

  static ProtocolException invalid(String partName, IOException e) {
    String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        ? jpe.getOriginalMessage()
        : e.getMessage();
    return new ProtocolException(partName + " is not valid JSON: " + firstLine(why), e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
