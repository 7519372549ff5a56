package dev.nbguard.filter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.StrictJson;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a content part into a tree and writes a rewritten one back, compact. Reading is as strict
 * as the protocol layer's (duplicate keys, trailing data and NaN are errors: a parser differential
 * between nbguard and the browser must fail closed); numbers keep their written precision.
 */
final class FilterJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(StrictJson.factory().copy())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private FilterJson() {}

  /**
   * @throws IOException when {@code json} is not exactly one JSON object
   */
  static ObjectNode readObject(Bytes json) throws IOException {
    JsonNode n;
    try (InputStream in = new ByteBufferBackedInputStream(json.asReadOnlyByteBuffer())) {
      n = MAPPER.readTree(in);
    }
    if (n == null || !n.isObject()) {
      throw new IOException("content is not a JSON object");
    }
    return (ObjectNode) n;
  }

  static Bytes write(JsonNode node) throws IOException {
    return Bytes.wrap(MAPPER.writeValueAsBytes(node));
  }
}
