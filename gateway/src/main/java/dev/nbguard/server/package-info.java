/**
 * {@code nbguard gateway}: a Kernel Gateway–compatible server for Jupyter Server's
 * {@code --gateway-url}. {@link dev.nbguard.server.GatewayVerticle} serves the REST API and the
 * kernel channels WebSocket over a {@link dev.nbguard.kernel.KernelManager}; every kernel message
 * passes an {@link dev.nbguard.server.OutputFilter} before a client sees it;
 * {@link dev.nbguard.server.GatewayConfig} is the one resolved configuration. Everything here
 * runs on one Vert.x event loop; kernel news arrives through
 * {@link dev.nbguard.server.KernelEventBridge}.
 */
package dev.nbguard.server;
