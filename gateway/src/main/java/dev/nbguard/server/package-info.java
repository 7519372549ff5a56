/**
 * {@code nbguard gateway}: a Kernel Gateway–compatible server for Jupyter Server's
 * {@code --gateway-url}. {@link dev.nbguard.server.GatewayVerticle} serves the REST API and the
 * kernel channels WebSocket over a {@link dev.nbguard.kernel.KernelManager}; every kernel message
 * passes an {@link dev.nbguard.server.OutputFilter} before a client sees it;
 * {@link dev.nbguard.server.GatewayConfig} is the one resolved configuration.
 *
 * <p>Threads: HTTP, WebSockets and the fan-out run on one Vert.x event loop. Kernel news arrives
 * from the ZeroMQ hub thread through {@link dev.nbguard.server.KernelEventBridge} into the
 * {@link dev.nbguard.server.FilterStage}: one ordered lane per kernel on a small pool filters
 * every message off the event loop (a large output never blocks it, and per kernel nothing
 * overtakes anything), then the {@link dev.nbguard.server.ConnectionRegistry} writes the results
 * to clients ({@link dev.nbguard.server.ClientWriter}: backpressure through the
 * {@link dev.nbguard.server.ReadGate}) or keeps them for a client that reconnects
 * ({@link dev.nbguard.server.ReconnectBuffers}).
 */
package dev.nbguard.server;
