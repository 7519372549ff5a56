package dev.nbguard.kernel;

import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.zeromq.ZMQ;

/** Non-blocking multipart reads and writes on one socket, for the hub thread. */
final class Frames {

  private Frames() {}

  /**
   * One whole multipart message, or null when none is waiting. A message over the codec limits
   * is read to its end (ZeroMQ delivers all parts at once) but not kept.
   *
   * @throws ProtocolException for such a message
   */
  static List<byte[]> receive(ZMQ.Socket socket, CodecLimits limits) {
    byte[] first = socket.recv(ZMQ.DONTWAIT);
    if (first == null) {
      return null;
    }
    List<byte[]> frames = new ArrayList<>(8);
    frames.add(first);
    long total = first.length;
    long count = 1;
    int cap = limits.maxBuffers() + limits.maxIdentities() + 7;
    while (socket.hasReceiveMore()) {
      byte[] part = socket.recv(0); // the rest of a multipart message is already here
      total += part.length;
      count++;
      if (count <= cap && total <= limits.maxMessageBytes()) {
        frames.add(part);
      }
    }
    if (total > limits.maxMessageBytes() || count > cap) {
      throw new ProtocolException("message of " + count + " frames and " + total
          + " bytes exceeds the codec limits");
    }
    return frames;
  }

  /**
   * Writes all frames without waiting.
   *
   * @throws RejectedExecutionException when the socket is at its high-water mark
   */
  static void send(ZMQ.Socket socket, byte[][] frames, Channel channel, String kernelId) {
    for (int i = 0; i < frames.length; i++) {
      int flags = ZMQ.DONTWAIT | (i < frames.length - 1 ? ZMQ.SNDMORE : 0);
      if (!socket.send(frames[i], flags)) {
        if (i == 0) {
          throw new RejectedExecutionException("the " + channel.wireName()
              + " socket of kernel " + kernelId + " is full (high-water mark reached)");
        }
        // ZeroMQ takes the rest of a message once it took the first part
        throw new IllegalStateException("ZeroMQ refused part " + i + " of a message");
      }
    }
  }
}
