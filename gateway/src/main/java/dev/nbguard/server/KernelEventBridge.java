package dev.nbguard.server;

import dev.nbguard.kernel.KernelLifecycleListener;
import dev.nbguard.kernel.KernelMessageListener;
import dev.nbguard.kernel.LifecycleEvent;
import dev.nbguard.protocol.Channel;
import dev.nbguard.protocol.JupyterMessage;
import java.util.Optional;

/**
 * Carries kernel messages and lifecycle news from the manager's threads to the gateway's
 * {@link FilterStage}. Built before the {@link dev.nbguard.kernel.KernelManager} (which needs the
 * listeners) and attached by the verticle when it starts; until then, and after it stops, news
 * is dropped.
 */
public final class KernelEventBridge implements KernelMessageListener, KernelLifecycleListener {

  private volatile Optional<FilterStage> target = Optional.empty();

  void attach(FilterStage stage) {
    target = Optional.of(stage);
  }

  void detach() {
    target = Optional.empty();
  }

  @Override
  public void onMessage(String kernelId, Channel channel, Optional<String> sessionId,
      JupyterMessage message) {
    target.ifPresent(t -> t.message(kernelId, channel, sessionId, message));
  }

  @Override
  public void onLifecycle(String kernelId, LifecycleEvent event,
      Optional<JupyterMessage> syntheticStatus) {
    target.ifPresent(t -> t.lifecycle(kernelId, event, syntheticStatus));
  }
}
