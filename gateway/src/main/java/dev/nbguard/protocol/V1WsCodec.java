package dev.nbguard.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code v1.kernel.websocket.jupyter.org} format: one binary frame per message, laid out as
 * little-endian {@code u64 k}, then {@code k} {@code u64} offsets from the frame start (the first
 * is {@code 8·(k+1)}, the last the frame length), then the {@code k−1} parts between consecutive
 * offsets: channel name, header, parent_header, metadata, content, buffers. So {@code k} is
 * {@code 6 +} the number of buffers.
 *
 * <p>Encoding copies the raw parts behind a fresh offset table; nothing is parsed. Decoding checks
 * the count against the limits and every offset against the frame before slicing (the parts share
 * the frame's bytes).
 */
public final class V1WsCodec implements KernelWsCodec {

  /** Offsets for the channel part and the four dicts: the minimum {@code k}. */
  private static final int FIXED_OFFSETS = 6;

  private final CodecLimits limits;

  public V1WsCodec(CodecLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public WsProtocol protocol() {
    return WsProtocol.V1;
  }

  @Override
  public WsFrame encode(JupyterMessage message) {
    Channel channel = message.channel()
        .orElseThrow(() -> new ProtocolException("cannot frame a message without a channel"));
    List<Bytes> parts = new ArrayList<>(5 + message.buffers().size());
    parts.add(channel.wireNameBytes());
    parts.add(message.headerBytes());
    parts.add(message.parentHeaderBytes());
    parts.add(message.metadataBytes());
    parts.add(message.contentBytes());
    parts.addAll(message.buffers());
    int k = parts.size() + 1;
    long total = 8L * (k + 1);
    for (Bytes part : parts) {
      total += part.length();
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new ProtocolException("message of " + total + " bytes is too large to frame");
    }
    byte[] out = new byte[(int) total];
    putLongLe(out, 0, k);
    int offset = 8 * (k + 1);
    putLongLe(out, 8, offset);
    for (int i = 0; i < parts.size(); i++) {
      offset = parts.get(i).copyTo(out, offset);
      putLongLe(out, 8 * (i + 2), offset);
    }
    return WsFrame.binary(Bytes.wrap(out));
  }

  @Override
  public JupyterMessage decode(WsFrame frame) {
    if (frame.isText()) {
      throw new ProtocolException("v1 kernel messages are binary frames, got a text frame");
    }
    Bytes bytes = frame.payload();
    int length = bytes.length();
    limits.checkMessageSize(length);
    if (length < 8) {
      throw new ProtocolException("v1 frame of " + length + " bytes has no offset count");
    }
    long k = getLongLe(bytes, 0);
    if (k < 0 || k > FIXED_OFFSETS + (long) limits.maxBuffers()) {
      throw new ProtocolException("v1 frame declares " + Long.toUnsignedString(k)
          + " offsets, more than the limit of " + (FIXED_OFFSETS + limits.maxBuffers()));
    }
    if (k < FIXED_OFFSETS) {
      throw new ProtocolException(
          "v1 frame declares " + k + " offsets, needs at least " + FIXED_OFFSETS);
    }
    int count = (int) k;
    long tableEnd = 8L * (count + 1);
    if (tableEnd > length) {
      throw new ProtocolException(
          "v1 frame of " + length + " bytes is shorter than its offset table (" + tableEnd + ")");
    }
    int[] offsets = new int[count];
    long previous = tableEnd;
    for (int i = 0; i < count; i++) {
      long offset = getLongLe(bytes, 8 * (i + 1));
      if (i == 0 && offset != tableEnd) {
        throw new ProtocolException(
            "v1 first offset is " + Long.toUnsignedString(offset) + ", expected " + tableEnd);
      }
      if (offset < previous || offset > length) {
        throw new ProtocolException("v1 offset " + i + " (" + Long.toUnsignedString(offset)
            + ") is out of order or past the frame end (" + length + ")");
      }
      offsets[i] = (int) offset;
      previous = offset;
    }
    if (offsets[count - 1] != length) {
      throw new ProtocolException("v1 last offset " + offsets[count - 1]
          + " does not match the frame length " + length);
    }
    Channel channel = Channel.fromWireName(bytes.slice(offsets[0], offsets[1]));
    List<Bytes> buffers = new ArrayList<>(count - FIXED_OFFSETS);
    for (int i = 5; i < count - 1; i++) {
      buffers.add(bytes.slice(offsets[i], offsets[i + 1]));
    }
    return new JupyterMessage(
        Optional.of(channel),
        List.of(),
        bytes.slice(offsets[1], offsets[2]),
        bytes.slice(offsets[2], offsets[3]),
        bytes.slice(offsets[3], offsets[4]),
        bytes.slice(offsets[4], offsets[5]),
        buffers,
        Optional.empty());
  }

  private static void putLongLe(byte[] out, int at, long value) {
    for (int i = 0; i < 8; i++) {
      out[at + i] = (byte) (value >>> (8 * i));
    }
  }

  private static long getLongLe(Bytes in, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (in.byteAt(at + i) & 0xffL);
    }
    return v;
  }
}
