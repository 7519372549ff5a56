package dev.nbguard.server;

import dev.nbguard.filter.MessageFilter;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import java.util.Objects;
import java.util.Optional;

/** The gateway's {@link OutputFilter} backed by nbguard's {@link MessageFilter}. */
public final class MessageFilterAdapter implements OutputFilter {

  private final MessageFilter filter;

  public MessageFilterAdapter(MessageFilter filter) {
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  @Override
  public Optional<JupyterMessage> toClient(String kernelId, JupyterMessage message) {
    return filter.toClient(kernelId, message).forward();
  }

  @Override
  public boolean allowedFromClient(JupyterMessage message, Channel channel) {
    return filter.allowedFromClient(message, channel);
  }

  /** Below this many content bytes even a rewrite is a matter of microseconds. */
  private static final int SMALL = 1024;

  @Override
  public boolean isCheap(JupyterMessage message) {
    return !MessageFilter.readsContent(message.msgType())
        || message.contentBytes().length() <= SMALL;
  }

  @Override
  public void forgetKernel(String kernelId) {
    filter.forgetKernel(kernelId);
  }
}
