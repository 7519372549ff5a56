/**
 * Proxy mode: nbguard as a reverse proxy in front of a whole Jupyter server. Every HTTP request
 * is streamed through unchanged (hop-by-hop headers aside, the browser's {@code Host} kept);
 * kernel channel WebSockets go through a frame-by-frame relay that runs the {@link
 * dev.nbguard.filter.MessageFilter}; notebook contents read through {@code /api/contents} have
 * their stored outputs sanitized. {@link dev.nbguard.proxy.ProxyServer} is the entry point;
 * {@link dev.nbguard.proxy.LabSession} starts a private Jupyter behind it for {@code nbguard
 * lab}.
 *
 * <p>Hand-rolled on Vert.x's HTTP and WebSocket clients rather than {@code vertx-http-proxy}:
 * that module splices the raw sockets after a WebSocket upgrade (no frame can be filtered, and
 * the subprotocol cannot be mirrored per connection), and rewriting a contents answer would have
 * buffered it through an interceptor anyway. What the proxy needs beyond a pipe each way (which
 * answers to read, 502/504 as JSON, the Host rule, Location rewriting) is a few dozen lines, and
 * no new dependency.
 */
package dev.nbguard.proxy;
