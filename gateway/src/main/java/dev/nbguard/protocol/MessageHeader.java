package dev.nbguard.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A message header: the fields the gateway routes and filters on, plus the exact bytes it was
 * read from (forwarded unchanged unless the header itself is rewritten).
 *
 * <p>{@code msgId} and {@code msgType} are required and non-empty; the other fields are the empty
 * string when absent or not strings (their meaning is the kernel's business, not the relay's).
 */
public record MessageHeader(
    String msgId,
    String msgType,
    String session,
    String username,
    String date,
    String version,
    Bytes raw) {

  public MessageHeader {
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(msgType, "msgType");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * Reads a header from its UTF-8 JSON bytes with a streaming parser (no tree is built; nested
   * values are skipped but still checked).
   *
   * @throws ProtocolException when the bytes are not one JSON object with string {@code msg_id}
   *     and {@code msg_type}
   */
  public static MessageHeader parse(Bytes raw) {
    return read(raw, "header")
        .orElseThrow(() -> new ProtocolException("header has no msg_id and msg_type strings"));
  }

  /**
   * Reads a parent header: empty when it has no {@code msg_id}/{@code msg_type} (kernels send
   * {@code {}} for messages that answer nothing).
   *
   * @throws ProtocolException when the bytes are not one JSON object
   */
  public static Optional<MessageHeader> parseParent(Bytes raw) {
    return read(raw, "parent_header");
  }

  private static Optional<MessageHeader> read(Bytes raw, String partName) {
    String msgId = null;
    String msgType = null;
    String session = "";
    String username = "";
    String date = "";
    String version = "";
    try (JsonParser p = StrictJson.parser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new ProtocolException(partName + " is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value != JsonToken.VALUE_STRING) {
          p.skipChildren();
          continue;
        }
        switch (name) {
          case "msg_id" -> msgId = p.getText();
          case "msg_type" -> msgType = p.getText();
          case "session" -> session = p.getText();
          case "username" -> username = p.getText();
          case "date" -> date = p.getText();
          case "version" -> version = p.getText();
          default -> { /* other header fields are forwarded, not read */ }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new ProtocolException(partName + " has data after its JSON object");
      }
    } catch (IOException e) {
      throw StrictJson.invalid(partName, e);
    }
    if (msgId == null || msgId.isEmpty() || msgType == null || msgType.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MessageHeader(msgId, msgType, session, username, date, version, raw));
  }
}
