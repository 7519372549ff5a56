package dev.nbguard.sanitizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * One entry of a MIME bundle: its type, its value ({@code data[mimeType]}, with nbformat's
 * list-of-lines already joined into one string for text types) and its own metadata
 * ({@code metadata[mimeType]}, or a {@link MissingNode}).
 */
public record Representation(String mimeType, JsonNode value, JsonNode metadata) {
  public Representation {
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(value, "value");
    metadata = metadata == null ? MissingNode.getInstance() : metadata;
  }

  /** The value as text; a clear error when it is not a JSON string. */
  public String text() {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(mimeType + " must be a string, got " + value.getNodeType());
    }
    return value.textValue();
  }

  public Representation withValue(JsonNode newValue) {
    return new Representation(mimeType, newValue, metadata);
  }

  public Representation withText(String newText) {
    return withValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(newText));
  }

  public Representation withMetadata(JsonNode newMetadata) {
    return new Representation(mimeType, value, newMetadata);
  }
}
