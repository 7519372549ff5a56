package dev.nbguard.protocol;

/**
 * Bounds every decoder checks before it allocates or slices anything.
 *
 * @param maxMessageBytes largest accepted frame (WebSocket) or sum of frames (ZeroMQ)
 * @param maxBuffers most binary buffers in one message
 * @param maxIdentities most ZeroMQ identity frames before {@code <IDS|MSG>}
 */
public record CodecLimits(int maxMessageBytes, int maxBuffers, int maxIdentities) {

  /** 64 MiB, 1,024 buffers, 16 identities: above any real message, below harm. */
  public static final CodecLimits DEFAULT = new CodecLimits(64 << 20, 1024, 16);

  public CodecLimits {
    if (maxMessageBytes < 64) {
      throw new IllegalArgumentException("maxMessageBytes must be at least 64: " + maxMessageBytes);
    }
    if (maxBuffers < 0 || maxBuffers > 1 << 20) {
      throw new IllegalArgumentException("maxBuffers out of range: " + maxBuffers);
    }
    if (maxIdentities < 0 || maxIdentities > 1 << 10) {
      throw new IllegalArgumentException("maxIdentities out of range: " + maxIdentities);
    }
  }

  void checkMessageSize(long bytes) {
    if (bytes > maxMessageBytes) {
      throw new ProtocolException(
          "message of " + bytes + " bytes exceeds the limit of " + maxMessageBytes);
    }
  }

  void checkBufferCount(long count) {
    if (count > maxBuffers) {
      throw new ProtocolException(
          "message declares " + count + " buffers, more than the limit of " + maxBuffers);
    }
  }
}
