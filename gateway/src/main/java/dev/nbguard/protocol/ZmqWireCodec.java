package dev.nbguard.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kernel-side ZeroMQ multipart layout:
 * {@code [identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content,
 * buffers…]}. On IOPub the frame before the delimiter is the topic; it is kept as an identity.
 *
 * <p>Decoding verifies the signature and keeps it; encoding forwards that signature when no dict
 * part changed and the peer shares the key, and signs again otherwise. Immutable, thread-safe.
 * Replay protection (jupyter_client refuses a signature it has seen) is the caller's choice: see
 * {@link ReplayGuard}.
 */
public final class ZmqWireCodec {

  /** The frame separating identities from the message. */
  public static final Bytes DELIMITER = Bytes.wrap("<IDS|MSG>".getBytes(StandardCharsets.US_ASCII));

  private static final int SIGNATURE_AND_DICTS = 5;

  private final Signer signer;
  private final CodecLimits limits;

  public ZmqWireCodec(Signer signer, CodecLimits limits) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public Signer signer() {
    return signer;
  }

  /**
   * Decodes frames as received from a socket, adopting the arrays without copying (the caller
   * must not write to them afterwards).
   */
  public JupyterMessage decodeFrames(Optional<Channel> channel, List<byte[]> frames) {
    List<Bytes> wrapped = new ArrayList<>(frames.size());
    for (byte[] f : frames) {
      wrapped.add(Bytes.wrap(f));
    }
    return decode(channel, wrapped);
  }

  /**
   * Decodes and verifies one multipart message.
   *
   * @param channel the socket's channel, if the caller wants it recorded on the message
   * @throws ProtocolException without the delimiter, with too few frames, over the limits, or
   *     with a signature that does not verify
   */
  public JupyterMessage decode(Optional<Channel> channel, List<Bytes> frames) {
    long total = 0;
    for (Bytes f : frames) {
      total += f.length();
    }
    limits.checkMessageSize(total);
    int delimiter = indexOfDelimiter(frames);
    int first = delimiter + 1;
    int available = frames.size() - first;
    if (available < SIGNATURE_AND_DICTS) {
      throw new ProtocolException("only " + available
          + " frames after <IDS|MSG>; need a signature and four dicts");
    }
    limits.checkBufferCount(available - SIGNATURE_AND_DICTS);
    Bytes signature = frames.get(first);
    Bytes header = frames.get(first + 1);
    Bytes parent = frames.get(first + 2);
    Bytes metadata = frames.get(first + 3);
    Bytes content = frames.get(first + 4);
    if (signer.isSigning()) {
      if (signature.isEmpty()) {
        throw new ProtocolException("unsigned message");
      }
      if (!signer.verify(signature, header, parent, metadata, content)) {
        throw new ProtocolException("invalid signature");
      }
    }
    Optional<Signature> kept = signer.isSigning()
        ? Optional.of(new Signature(signature, signer))
        : Optional.empty();
    return new JupyterMessage(channel, frames.subList(0, delimiter), header, parent, metadata,
        content, frames.subList(first + SIGNATURE_AND_DICTS, frames.size()), kept);
  }

  /**
   * The frames for {@code message}: its identities, the delimiter, a signature (the verified
   * one when it is still valid for this codec's key, a fresh one otherwise), the four dicts and
   * the buffers. Nothing is parsed or copied.
   */
  public List<Bytes> encode(JupyterMessage message) {
    List<Bytes> out = new ArrayList<>(
        message.identities().size() + 6 + message.buffers().size());
    out.addAll(message.identities());
    out.add(DELIMITER);
    out.add(message.signature()
        .filter(s -> s.signer().sameKeyAs(signer))
        .map(Signature::hex)
        .orElseGet(() -> signer.sign(message)));
    out.add(message.headerBytes());
    out.add(message.parentHeaderBytes());
    out.add(message.metadataBytes());
    out.add(message.contentBytes());
    out.addAll(message.buffers());
    return List.copyOf(out);
  }

  private int indexOfDelimiter(List<Bytes> frames) {
    int searched = Math.min(frames.size(), limits.maxIdentities() + 1);
    for (int i = 0; i < searched; i++) {
      if (frames.get(i).equals(DELIMITER)) {
        return i;
      }
    }
    if (frames.size() > searched) {
      throw new ProtocolException("no <IDS|MSG> delimiter within the first " + searched
          + " frames (limit of " + limits.maxIdentities() + " identities)");
    }
    throw new ProtocolException("no <IDS|MSG> delimiter in " + frames.size() + " frames");
  }
}
