package dev.nbguard.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Jupyter message as it travels: the four dict parts kept as their raw UTF-8 JSON bytes,
 * parsed only on demand, so a relay that changes nothing forwards exactly what it received.
 *
 * <p>Immutable. {@link #header()} is parsed on first use and cached (a benign race: at worst two
 * threads parse the same bytes). The {@code with…} methods return a copy with one part replaced;
 * replacing a dict part drops the {@link #signature()}, so encoders sign it again.
 *
 * <p>Equality compares channel, identities, the four parts and the buffers, not the signature.
 */
public final class JupyterMessage {

  private final Optional<Channel> channel;
  private final List<Bytes> identities;
  private final Bytes header;
  private final Bytes parentHeader;
  private final Bytes metadata;
  private final Bytes content;
  private final List<Bytes> buffers;
  private final Optional<Signature> signature;
  private MessageHeader parsedHeader; // cache; MessageHeader is immutable (final fields)

  JupyterMessage(
      Optional<Channel> channel,
      List<Bytes> identities,
      Bytes header,
      Bytes parentHeader,
      Bytes metadata,
      Bytes content,
      List<Bytes> buffers,
      Optional<Signature> signature) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.identities = List.copyOf(identities);
    this.header = Objects.requireNonNull(header, "header");
    this.parentHeader = Objects.requireNonNull(parentHeader, "parentHeader");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.content = Objects.requireNonNull(content, "content");
    this.buffers = List.copyOf(buffers);
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  /** A message from its parts (raw UTF-8 JSON for the four dicts); no identities, unsigned. */
  public static JupyterMessage of(
      Channel channel, Bytes header, Bytes parentHeader, Bytes metadata, Bytes content,
      List<Bytes> buffers) {
    return new JupyterMessage(Optional.of(channel), List.of(), header, parentHeader, metadata,
        content, buffers, Optional.empty());
  }

  /** The channel, when the transport says it (ZeroMQ frames do not; WebSocket frames do). */
  public Optional<Channel> channel() {
    return channel;
  }

  /** ZeroMQ routing identities (for IOPub: the topic), outermost first. */
  public List<Bytes> identities() {
    return identities;
  }

  public Bytes headerBytes() {
    return header;
  }

  public Bytes parentHeaderBytes() {
    return parentHeader;
  }

  public Bytes metadataBytes() {
    return metadata;
  }

  public Bytes contentBytes() {
    return content;
  }

  /** Binary buffers (unsigned, never parsed). */
  public List<Bytes> buffers() {
    return buffers;
  }

  /** Bytes held by the four dict parts and the buffers (what keeping the message costs). */
  public long size() {
    long n = (long) header.length() + parentHeader.length() + metadata.length() + content.length();
    for (Bytes b : buffers) {
      n += b.length();
    }
    return n;
  }

  /** The verified signature of the current dict parts, if any. */
  public Optional<Signature> signature() {
    return signature;
  }

  /**
   * The parsed header (cached).
   *
   * @throws ProtocolException when the header is not a valid header object
   */
  public MessageHeader header() {
    MessageHeader h = parsedHeader;
    if (h == null) {
      h = MessageHeader.parse(header);
      parsedHeader = h;
    }
    return h;
  }

  /** The header's {@code msg_type}; see {@link #header()}. */
  public String msgType() {
    return header().msgType();
  }

  /** The header's {@code msg_id}; see {@link #header()}. */
  public String msgId() {
    return header().msgId();
  }

  /** The parent header, empty when it is {@code {}}; parsed on each call. */
  public Optional<MessageHeader> parentHeader() {
    return MessageHeader.parseParent(parentHeader);
  }

  public JupyterMessage withChannel(Channel newChannel) {
    return new JupyterMessage(Optional.of(newChannel), identities, header, parentHeader,
        metadata, content, buffers, signature).keepParsedHeader(this);
  }

  public JupyterMessage withIdentities(List<Bytes> newIdentities) {
    return new JupyterMessage(channel, newIdentities, header, parentHeader, metadata, content,
        buffers, signature).keepParsedHeader(this);
  }

  public JupyterMessage withHeader(Bytes newHeader) {
    return new JupyterMessage(channel, identities, newHeader, parentHeader, metadata, content,
        buffers, Optional.empty());
  }

  public JupyterMessage withParentHeader(Bytes newParentHeader) {
    return new JupyterMessage(channel, identities, header, newParentHeader, metadata, content,
        buffers, Optional.empty()).keepParsedHeader(this);
  }

  public JupyterMessage withMetadata(Bytes newMetadata) {
    return new JupyterMessage(channel, identities, header, parentHeader, newMetadata, content,
        buffers, Optional.empty()).keepParsedHeader(this);
  }

  public JupyterMessage withContent(Bytes newContent) {
    return new JupyterMessage(channel, identities, header, parentHeader, metadata, newContent,
        buffers, Optional.empty()).keepParsedHeader(this);
  }

  /** Replaces the content with a copy of {@code newContent} (UTF-8 JSON). */
  public JupyterMessage withContent(byte[] newContent) {
    return withContent(Bytes.copyOf(newContent));
  }

  public JupyterMessage withBuffers(List<Bytes> newBuffers) {
    return new JupyterMessage(channel, identities, header, parentHeader, metadata, content,
        newBuffers, signature).keepParsedHeader(this);
  }

  private JupyterMessage keepParsedHeader(JupyterMessage from) {
    this.parsedHeader = from.parsedHeader;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JupyterMessage m
        && channel.equals(m.channel)
        && identities.equals(m.identities)
        && header.equals(m.header)
        && parentHeader.equals(m.parentHeader)
        && metadata.equals(m.metadata)
        && content.equals(m.content)
        && buffers.equals(m.buffers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channel, identities, header, parentHeader, metadata, content, buffers);
  }

  @Override
  public String toString() {
    return "JupyterMessage[" + channel.map(Channel::wireName).orElse("?")
        + ", header=" + header + ", content " + content.length() + " B, "
        + buffers.size() + " buffers" + (signature.isPresent() ? ", signed]" : "]");
  }
}
