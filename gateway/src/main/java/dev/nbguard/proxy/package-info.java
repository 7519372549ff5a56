/**
 * Proxy mode: nbguard as a reverse proxy in front of a whole Jupyter Server. Every HTTP request
 * is streamed through unchanged (hop-by-hop headers aside); kernel channel WebSockets go through
 * a frame-by-frame relay that runs the {@link dev.nbguard.filter.MessageFilter}; notebook
 * contents read through {@code /api/contents} have their stored outputs sanitized. {@link
 * dev.nbguard.proxy.ProxyServer} is the entry point; {@link dev.nbguard.proxy.UpstreamProcess}
 * starts a private Jupyter for {@code nbguard lab}.
 */
package dev.nbguard.proxy;
