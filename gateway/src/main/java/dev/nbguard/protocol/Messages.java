package dev.nbguard.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds messages the gateway itself originates: synthetic IOPub {@code status} messages
 * ({@code restarting}, {@code dead}), {@code kernel_info_request} nudges, error notices.
 */
public final class Messages {

  /** The protocol version nbguard writes into headers it creates. */
  public static final String PROTOCOL_VERSION = "5.3";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final String session;
  private final String username;

  /**
   * @param session the {@code session} written into every header (a gateway-owned id)
   * @param username the {@code username} written into every header
   */
  public Messages(Clock clock, String session, String username) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.session = Objects.requireNonNull(session, "session");
    this.username = Objects.requireNonNull(username, "username");
  }

  /** The UTF-8 JSON of a fresh header with a random {@code msg_id} and the current date. */
  public Bytes header(String msgType) {
    return Bytes.wrap(json(g -> {
      g.writeStartObject();
      g.writeStringField("msg_id", UUID.randomUUID().toString());
      g.writeStringField("msg_type", msgType);
      g.writeStringField("username", username);
      g.writeStringField("session", session);
      g.writeStringField("date", DATE.format(clock.instant()));
      g.writeStringField("version", PROTOCOL_VERSION);
      g.writeEndObject();
    }));
  }

  /**
   * A new message on {@code channel}; its parent header is {@code parent}'s raw bytes, or
   * {@code {}}.
   *
   * @param content the content as UTF-8 JSON (checked to be one object)
   */
  public JupyterMessage create(Channel channel, String msgType, Bytes content,
      Optional<MessageHeader> parent) {
    StrictJson.requireObject(content, "content");
    return JupyterMessage.of(channel, header(msgType),
        parent.map(MessageHeader::raw).orElse(Bytes.utf8("{}")), Bytes.utf8("{}"), content,
        List.of());
  }

  /** An IOPub {@code status} message, e.g. {@code "restarting"} or {@code "dead"}. */
  public JupyterMessage status(String executionState, Optional<MessageHeader> parent) {
    Bytes content = Bytes.wrap(json(g -> {
      g.writeStartObject();
      g.writeStringField("execution_state", executionState);
      g.writeEndObject();
    }));
    return create(Channel.IOPUB, "status", content, parent);
  }

  private interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] json(Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = StrictJson.factory().createGenerator(out)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }
}
