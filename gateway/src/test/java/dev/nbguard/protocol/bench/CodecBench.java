package dev.nbguard.protocol.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.CodecLimits;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.protocol.LegacyWsCodec;
import dev.nbguard.protocol.Signer;
import dev.nbguard.protocol.V1WsCodec;
import dev.nbguard.protocol.ZmqWireCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Rough micro-benchmark of the untouched-message path (not a test; no JMH). Run:
 * {@code java -cp gateway/target/classes:gateway/target/test-classes:<deps>
 * dev.nbguard.protocol.bench.CodecBench}
 */
public final class CodecBench {

  /** CPU time, not wall time: the build machine is shared, and wall time there is noise. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final String HEADER =
      "{\"msg_id\": \"a1948ef8-0a955c7ac8c58fb722453d5d_26648_12\", \"msg_type\": \"%s\","
      + " \"username\": \"nbguard\", \"session\": \"a1948ef8-0a955c7ac8c58fb722453d5d\","
      + " \"date\": \"2026-11-25T21:27:26.419822Z\", \"version\": \"5.3\"}";
  private static final String PARENT = String.format(HEADER, "execute_request")
      .replace("_12\"", "_0\"");

  public static void main(String[] args) {
    Bytes stream = Bytes.utf8("{\"name\": \"stdout\", \"text\": \"" + "x".repeat(70) + "\\n\"}");
    StringBuilder html = new StringBuilder("<table>");
    while (html.length() < 4_000) {
      html.append("<tr><td>row ").append(html.length()).append("</td><td>é ✓</td></tr>");
    }
    html.append("</table>");
    Bytes display = Bytes.utf8("{\"data\": {\"text/html\": \"" + html
        + "\", \"text/plain\": \"" + "y".repeat(900) + "\"}, \"metadata\": {}, \"transient\": {}}");

    LegacyWsCodec legacy = new LegacyWsCodec(CodecLimits.DEFAULT);
    V1WsCodec v1 = new V1WsCodec(CodecLimits.DEFAULT);
    ZmqWireCodec zmq = new ZmqWireCodec(Signer.of("0123456789abcdef0123456789abcdef"),
        CodecLimits.DEFAULT);
    ObjectMapper mapper = new ObjectMapper();

    String[][] cases = {{"stream", "100 B stream"}, {"display_data", "5 KB display_data"}};
    for (String[] c : cases) {
      Bytes content = c[0].equals("stream") ? stream : display;
      Bytes header = Bytes.utf8(String.format(HEADER, c[0]));
      Bytes parent = Bytes.utf8(PARENT);
      Bytes meta = Bytes.utf8("{}");
      List<Bytes> frames = zmq.encode(JupyterMessage.of(Channel.IOPUB, header, parent, meta,
          content, List.of()).withIdentities(List.of(Bytes.utf8("kernel.x." + c[0]))));
      byte[] legacyJson = legacy.encode(fresh(header, parent, meta, content)).payload().toArray();
      System.out.printf(Locale.ROOT, "%s: content %d B, legacy frame %d B%n", c[1],
          content.length(), legacyJson.length);

      run("  header parse (msgType of a fresh message)",
          i -> fresh(header, parent, meta, content).msgType().length());
      JupyterMessage parsed = fresh(header, parent, meta, content);
      parsed.msgType();
      run("  legacy JSON encode, header already parsed by the filter",
          i -> legacy.encode(parsed).payload().length());
      run("  legacy JSON encode (splice + validate)",
          i -> legacy.encode(fresh(header, parent, meta, content)).payload().length());
      run("  v1 encode",
          i -> v1.encode(fresh(header, parent, meta, content)).payload().length());
      run("  zmq decode + HMAC verify + msgType",
          i -> zmq.decode(Optional.of(Channel.IOPUB), frames).msgType().length());
      run("  zmq decode + verify + legacy encode",
          i -> legacy.encode(zmq.decode(Optional.of(Channel.IOPUB), frames)).payload().length());
      run("  zmq decode + verify + v1 encode",
          i -> v1.encode(zmq.decode(Optional.of(Channel.IOPUB), frames)).payload().length());
      run("  (baseline) Jackson readTree + writeValueAsBytes of the legacy JSON", i -> {
        try {
          return mapper.writeValueAsBytes(mapper.readTree(legacyJson)).length;
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  private static JupyterMessage fresh(Bytes header, Bytes parent, Bytes meta, Bytes content) {
    return JupyterMessage.of(Channel.IOPUB, header, parent, meta, content, List.of());
  }

  private static void run(String name, ToIntFunction<Integer> op) {
    long sink = 0;
    long warmupEnd = THREADS.getCurrentThreadCpuTime() + 1_000_000_000L;
    while (THREADS.getCurrentThreadCpuTime() < warmupEnd) {
      for (int i = 0; i < 1_000; i++) {
        sink += op.applyAsInt(i);
      }
    }
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      int n = 20_000;
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink += op.applyAsInt(i);
      }
      best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / n);
    }
    System.out.printf(Locale.ROOT, "%-72s %7d ns CPU/msg%s%n", name, best, sink == 42 ? "!" : "");
  }
}
