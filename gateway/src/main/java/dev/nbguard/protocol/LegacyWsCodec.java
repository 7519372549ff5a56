package dev.nbguard.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The legacy kernel WebSocket format (no subprotocol), as Jupyter Server and JupyterLab speak
 * it: a message without buffers is a JSON text frame; a message with buffers is a binary frame
 * laid out as big-endian {@code u32 n} ({@code 1 +} the number of buffers), then {@code n}
 * {@code u32} offsets from the frame start, then part 0 (the message JSON without
 * {@code buffers}) and the buffers, each running to the next offset or the frame end.
 *
 * <p>See {@link LegacyJson} for how the JSON is spliced and read without re-serializing dicts.
 */
public final class LegacyWsCodec implements KernelWsCodec {

  private final CodecLimits limits;

  public LegacyWsCodec(CodecLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public WsProtocol protocol() {
    return WsProtocol.LEGACY;
  }

  /** {@inheritDoc} Every dict part is checked to be exactly one JSON object. */
  @Override
  public WsFrame encode(JupyterMessage message) {
    Channel channel = message.channel()
        .orElseThrow(() -> new ProtocolException("cannot frame a message without a channel"));
    List<Bytes> buffers = message.buffers();
    if (buffers.isEmpty()) {
      return WsFrame.text(Bytes.wrap(LegacyJson.compose(message, channel, true)));
    }
    byte[] json = LegacyJson.compose(message, channel, false);
    int n = 1 + buffers.size();
    long total = 4L * (n + 1) + json.length;
    for (Bytes b : buffers) {
      total += b.length();
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new ProtocolException("message of " + total + " bytes is too large to frame");
    }
    byte[] out = new byte[(int) total];
    putIntBe(out, 0, n);
    int offset = 4 * (n + 1);
    putIntBe(out, 4, offset);
    System.arraycopy(json, 0, out, offset, json.length);
    offset += json.length;
    for (int i = 0; i < buffers.size(); i++) {
      putIntBe(out, 4 * (i + 2), offset);
      offset = buffers.get(i).copyTo(out, offset);
    }
    return WsFrame.binary(Bytes.wrap(out));
  }

  @Override
  public JupyterMessage decode(WsFrame frame) {
    Bytes payload = frame.payload();
    limits.checkMessageSize(payload.length());
    if (frame.isText()) {
      return LegacyJson.read(payload, List.of(), true);
    }
    List<Bytes> parts = splitBinary(payload);
    return LegacyJson.read(parts.get(0), parts.subList(1, parts.size()), false);
  }

  private List<Bytes> splitBinary(Bytes frame) {
    int length = frame.length();
    if (length < 8) {
      throw new ProtocolException("binary frame of " + length + " bytes has no offset table");
    }
    long n = getIntBe(frame, 0);
    if (n < 1) {
      throw new ProtocolException("binary frame declares no parts");
    }
    limits.checkBufferCount(n - 1);
    long tableEnd = 4L * (n + 1);
    if (tableEnd > length) {
      throw new ProtocolException(
          "binary frame of " + length + " bytes is shorter than its offset table (" + tableEnd
              + ")");
    }
    int count = (int) n;
    int[] starts = new int[count + 1];
    long previous = tableEnd;
    for (int i = 0; i < count; i++) {
      long start = getIntBe(frame, 4 * (i + 1));
      if (start < previous || start > length) {
        throw new ProtocolException("binary frame offset " + i + " (" + start
            + ") is out of order, inside the offset table or past the frame end (" + length
            + ")");
      }
      starts[i] = (int) start;
      previous = start;
    }
    starts[count] = length;
    List<Bytes> parts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      parts.add(frame.slice(starts[i], starts[i + 1]));
    }
    return parts;
  }

  private static void putIntBe(byte[] out, int at, int value) {
    out[at] = (byte) (value >>> 24);
    out[at + 1] = (byte) (value >>> 16);
    out[at + 2] = (byte) (value >>> 8);
    out[at + 3] = (byte) value;
  }

  /** An unsigned 32-bit big-endian value. */
  private static long getIntBe(Bytes in, int at) {
    return ((in.byteAt(at) & 0xffL) << 24) | ((in.byteAt(at + 1) & 0xffL) << 16)
        | ((in.byteAt(at + 2) & 0xffL) << 8) | (in.byteAt(at + 3) & 0xffL);
  }
}
