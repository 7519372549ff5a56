/**
 * The Jupyter messaging protocol as the gateway needs it: pure, bounds-checked codecs between
 * bytes and immutable {@link dev.nbguard.protocol.JupyterMessage}s.
 *
 * <ul>
 *   <li>{@link dev.nbguard.protocol.ZmqWireCodec}: kernel-side ZeroMQ multipart frames, HMAC
 *       signed by a {@link dev.nbguard.protocol.Signer}; optional
 *       {@link dev.nbguard.protocol.ReplayGuard}.
 *   <li>{@link dev.nbguard.protocol.KernelWsCodec}: frontend-side WebSocket frames, either
 *       {@link dev.nbguard.protocol.LegacyWsCodec} (JSON text, legacy binary) or
 *       {@link dev.nbguard.protocol.V1WsCodec} ({@code v1.kernel.websocket.jupyter.org}), chosen
 *       by {@link dev.nbguard.protocol.WsProtocol#negotiate}.
 * </ul>
 *
 * <p>Speed comes from not parsing: a message keeps each part's original bytes
 * ({@link dev.nbguard.protocol.Bytes}, slices that share the frame), the header is read with a
 * streaming parser only when asked, an untouched message keeps its verified signature, and the
 * legacy JSON is spliced from the raw parts (each checked to be exactly one JSON object, so
 * nothing can be injected). Every decoder checks counts and offsets against
 * {@link dev.nbguard.protocol.CodecLimits} and the frame before it allocates or slices, and
 * reports bad input only as {@link dev.nbguard.protocol.ProtocolException}.
 */
package dev.nbguard.protocol;
