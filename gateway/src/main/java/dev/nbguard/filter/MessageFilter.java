package dev.nbguard.filter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.protocol.Bytes;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one filter every transport runs: rewrites kernel messages before a client sees them, and
 * decides which client messages may reach a kernel. Built once; thread-safe (its only mutable
 * parts are counters, and per-kernel comm memory in {@link KernelFilterState}).
 *
 * <p>Kernel to client, by {@code msg_type} alone (the header is already parsed by the codec; no
 * other part is read unless the type can carry a bundle or URL):
 *
 * <ul>
 *   <li>{@code display_data}, {@code update_display_data}, {@code execute_result}, {@code
 *       inspect_reply}: the content's {@code data}/{@code metadata} go through the {@link
 *       OutputPolicy};
 *   <li>{@code execute_reply}: pager payloads' bundles and {@code user_expressions} bundles; payload
 *       sources other than {@code page}, {@code set_next_input}, {@code ask_exit} are dropped;
 *   <li>{@code debug_reply}: a {@code body} with {@code data} (richInspectVariables);
 *   <li>{@code kernel_info_reply}: {@code help_links} whose URL is not an allowed link are dropped;
 *       an unsafe {@code language_info} CodeMirror mode is removed (see {@code LanguageInfo});
 *   <li>{@code comm_open}, {@code comm_msg}, {@code comm_close}: see {@link WidgetCommFilter}; a
 *       widget whose module is not allowed has its {@code comm_open} dropped (the frontend never
 *       creates it) and every later message on that comm is dropped;
 *   <li>every other type (status, stream, execute_input, error, clear_output, complete_reply,
 *       history_reply, input_request, shutdown_reply, …, and types nbguard does not know) passes
 *       as the same instance: none of them is rendered as markup by a Jupyter frontend.
 * </ul>
 *
 * <p>Only the content part is re-encoded, only when something changed; header, parent header and
 * metadata keep their bytes; the result is unsigned so the encoder signs it again.
 *
 * <p>Fail closed: unreadable content (or a policy failure) in a message that can carry a bundle
 * never passes raw. A display message becomes a {@code text/plain} notice; a reply becomes an
 * error reply (so the frontend's request still completes); a comm message or an unreadable header
 * is dropped.
 */
public final class MessageFilter {
  /** The comm target of Jupyter widgets. */
  public static final String WIDGET_TARGET = "jupyter.widget";

  private final OutputPolicy policy;
  private final AuditLog audit;
  private final ClientMessagePolicy clientPolicy;
  private final Clock clock;
  private final BundleRewriter bundles;
  private final WidgetCommFilter comms;
  private final FilterMetrics metrics = new FilterMetrics();
  private final ConcurrentHashMap<String, KernelFilterState> states = new ConcurrentHashMap<>();

  public MessageFilter(OutputPolicy policy, AuditLog audit) {
    this(policy, audit, ClientMessagePolicy.DEFAULT, Clock.systemUTC());
  }

  public MessageFilter(OutputPolicy policy, AuditLog audit, ClientMessagePolicy clientPolicy,
      Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clientPolicy = Objects.requireNonNull(clientPolicy, "clientPolicy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bundles = new BundleRewriter(policy);
    this.comms = new WidgetCommFilter(policy.widgets());
  }

  public OutputPolicy policy() {
    return policy;
  }

  public ClientMessagePolicy clientPolicy() {
    return clientPolicy;
  }

  /** A fresh per-kernel state, for callers that keep it themselves. */
  public KernelFilterState newKernelState(String kernelId) {
    return new KernelFilterState(kernelId);
  }

  /**
   * Filters a kernel message using the state this filter keeps for {@code kernelId}. Call
   * {@link #forgetKernel} when the kernel is gone or restarted.
   */
  public FilterResult toClient(String kernelId, JupyterMessage msg) {
    return toClient(states.computeIfAbsent(kernelId, KernelFilterState::new), msg);
  }

  /** Drops the state kept for {@code kernelId} by {@link #toClient(String, JupyterMessage)}. */
  public void forgetKernel(String kernelId) {
    states.remove(kernelId);
  }

  /** Filters one kernel message for a client; never throws. */
  public FilterResult toClient(KernelFilterState kernel, JupyterMessage msg) {
    metrics.seen();
    String type;
    String id;
    try {
      type = msg.msgType();
      id = msg.msgId();
    } catch (RuntimeException e) {
      return finish(kernel, "", "", new FilterResult(msg, List.of(Notices.finding(
          "filter.header.invalid", String.valueOf(e.getMessage()))), true));
    }
    if (!Notices.READS_CONTENT.contains(type)) {
      return FilterResult.unchanged(msg);
    }
    FilterResult r;
    try {
      ObjectNode content = FilterJson.readObject(msg.contentBytes());
      Outcome o = rewrite(kernel, type, content, msg.buffers().size());
      r = apply(msg, o);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      r = failClosed(msg, type, e);
    }
    return finish(kernel, id, type, r);
  }

  private Outcome rewrite(KernelFilterState kernel, String type, ObjectNode content,
      int buffers) {
    return switch (type) {
      case "display_data", "update_display_data", "execute_result", "inspect_reply" ->
          bundles.wholeContent(content);
      case "execute_reply" -> bundles.executeReply(content);
      case "debug_reply" -> bundles.debugReply(content);
      case "kernel_info_reply" -> bundles.kernelInfoReply(content);
      case "comm_open" -> comms.commOpen(kernel, content, buffers);
      case "comm_msg" -> comms.commMsg(kernel, content, buffers);
      case "comm_close" -> {
        comms.commClose(kernel, content);
        yield Outcome.UNCHANGED;
      }
      default -> Outcome.UNCHANGED;
    };
  }

  private static FilterResult apply(JupyterMessage msg, Outcome o) throws IOException {
    if (o.drop()) {
      return new FilterResult(msg, o.findings(), true);
    }
    if (o.content().isEmpty()) {
      return o.findings().isEmpty()
          ? FilterResult.unchanged(msg) : new FilterResult(msg, o.findings(), false);
    }
    JupyterMessage out = msg.withContent(FilterJson.write(o.content().get()));
    if (o.keptBuffers().isPresent()) {
      List<Bytes> kept = new ArrayList<>();
      for (int i : o.keptBuffers().get()) {
        kept.add(msg.buffers().get(i));
      }
      out = out.withBuffers(kept);
    }
    return new FilterResult(out, o.findings(), false);
  }

  private FilterResult failClosed(JupyterMessage msg, String type, Throwable e) {
    String rule = e instanceof IOException ? "filter.content.malformed"
        : "filter.error." + e.getClass().getSimpleName();
    Finding why = Notices.finding(rule, String.valueOf(e.getMessage()));
    Optional<Bytes> replacement = Notices.replacementContent(type);
    return replacement
        .map(c -> new FilterResult(msg.withContent(c), List.of(why), false))
        .orElseGet(() -> new FilterResult(msg, List.of(why), true));
  }

  private FilterResult finish(KernelFilterState kernel, String msgId, String type,
      FilterResult r) {
    metrics.result(r);
    if (!r.findings().isEmpty()) {
      var now = clock.instant();
      for (Finding f : r.findings()) {
        try {
          audit.record(new AuditEntry(now, kernel.kernelId(), msgId, type, f));
        } catch (RuntimeException ignored) {
          // an AuditLog must not throw; if one does, the relay still goes on
        }
      }
    }
    return r;
  }

  /** Whether {@link #toClient} reads the content of messages of this type (else: unchanged). */
  public static boolean readsContent(String msgType) {
    return Notices.READS_CONTENT.contains(msgType);
  }

  /**
   * Whether a client may send {@code msg} on {@code channel} (see {@link ClientMessagePolicy}).
   * A message whose header cannot be read is refused.
   */
  public boolean allowedFromClient(JupyterMessage msg, Channel channel) {
    boolean ok;
    try {
      ok = clientPolicy.allows(channel, msg.msgType());
    } catch (RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      metrics.clientRejected();
    }
    return ok;
  }

  /** The counters now. */
  public MetricsSnapshot metrics() {
    return metrics.snapshot();
  }
}
