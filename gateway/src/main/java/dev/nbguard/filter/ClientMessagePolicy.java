package dev.nbguard.filter;

import dev.nbguard.protocol.Channel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which message types a client (browser, Jupyter Server) may send to a kernel, per channel. Deny
 * by default: a channel without an entry accepts nothing. Immutable.
 *
 * @param allowed message types per channel
 */
public record ClientMessagePolicy(Map<Channel, Set<String>> allowed) {

  /**
   * What JupyterLab, classic Notebook, nbclient and jupyter_client send: requests on shell,
   * {@code shutdown}/{@code interrupt}/{@code debug}/{@code kernel_info}/{@code usage} requests on
   * control, {@code input_reply} on stdin, nothing on iopub or hb (heartbeats are raw bytes, not
   * messages).
   */
  public static final ClientMessagePolicy DEFAULT =
      new ClientMessagePolicy(Map.of(
          Channel.SHELL, Set.of("execute_request", "inspect_request", "complete_request",
              "history_request", "is_complete_request", "comm_info_request",
              "kernel_info_request", "comm_open", "comm_msg", "comm_close"),
          Channel.CONTROL, Set.of("shutdown_request", "interrupt_request", "debug_request",
              "kernel_info_request", "usage_request"),
          Channel.STDIN, Set.of("input_reply")));

  public ClientMessagePolicy {
    Objects.requireNonNull(allowed, "allowed");
    Map<Channel, Set<String>> copy = new EnumMap<>(Channel.class);
    allowed.forEach((channel, types) -> copy.put(
        Objects.requireNonNull(channel, "channel"), Set.copyOf(types)));
    allowed = Map.copyOf(copy);
  }

  /** Whether a client may send {@code msgType} on {@code channel}. */
  public boolean allows(Channel channel, String msgType) {
    return allowed.getOrDefault(channel, Set.of()).contains(msgType);
  }

  /** A copy that also allows {@code msgType} on {@code channel}. */
  public ClientMessagePolicy with(Channel channel, String msgType) {
    Map<Channel, Set<String>> copy = new EnumMap<>(Channel.class);
    copy.putAll(allowed);
    java.util.Set<String> types = new java.util.HashSet<>(copy.getOrDefault(channel, Set.of()));
    types.add(msgType);
    copy.put(channel, types);
    return new ClientMessagePolicy(copy);
  }
}
