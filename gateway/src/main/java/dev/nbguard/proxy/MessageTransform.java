package dev.nbguard.proxy;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What a relay does to each message in one direction: the same instance to forward it as it
 * came, another message to forward instead, or empty to drop it. Called on the event loop, one
 * message at a time; a transform that works off the loop returns a pending future.
 */
@FunctionalInterface
interface MessageTransform {

  /** Forwards everything unchanged. */
  MessageTransform IDENTITY = m -> Future.succeededFuture(Optional.of(m));

  Future<Optional<WsMessage>> apply(WsMessage message);
}
