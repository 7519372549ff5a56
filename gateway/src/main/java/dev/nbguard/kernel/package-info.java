/**
 * Kernels in gateway mode: kernelspec discovery, launching processes, talking ZeroMQ to them.
 *
 * <h2>For the server (Vert.x) side</h2>
 *
 * <ul>
 *   <li>{@link dev.nbguard.kernel.KernelSpecs}: {@code GET /api/kernelspecs} (specs,
 *       {@link dev.nbguard.kernel.KernelSpec#toJson()}, resource files).
 *   <li>{@link dev.nbguard.kernel.KernelManager}: {@code start(name, KernelEnv.of(env))},
 *       {@code list()}, {@code get(id)}, {@code interrupt}, {@code restart}, {@code shutdown},
 *       {@code shutdownAll}/{@code close} on stop; per WebSocket {@code openSession(id,
 *       sessionId)}, {@code send(id, sessionId, channel, message)}, {@code closeSession};
 *       {@code setReading(id, false/true)} for backpressure. Errors:
 *       {@link dev.nbguard.kernel.NoSuchKernelException} (404),
 *       {@link dev.nbguard.kernel.NoSuchKernelSpecException} (404),
 *       {@link dev.nbguard.kernel.KernelLimitException} (403/429),
 *       {@link dev.nbguard.kernel.KernelStartException} (500), {@code IllegalArgumentException}
 *       from {@link dev.nbguard.kernel.KernelEnv#of} (400).
 *   <li>{@link dev.nbguard.kernel.KernelMessageListener}: every verified kernel message, with the
 *       session whose socket received it (empty for IOPub);
 *       {@link dev.nbguard.kernel.KernelLifecycleListener}: started / restarting / restarted /
 *       died / shut down / culled, with the synthetic IOPub {@code status} message to forward
 *       for restarting and dead.
 *   <li>{@link dev.nbguard.kernel.KernelModel#lastActivityText()} is the exact
 *       {@code last_activity} format GatewayClient parses.
 * </ul>
 *
 * <h2>Threading</h2>
 *
 * No Vert.x types here. One thread owns every ZeroMQ socket ({@link dev.nbguard.kernel.ZmqHub});
 * it is never interrupted and is stopped by a command. Callers never block: they get
 * {@link java.util.concurrent.CompletableFuture}s. Listeners run on the hub thread (messages)
 * or on the manager's timer / process threads (lifecycle): they must return quickly; hop to a
 * Vert.x context with {@code runOnContext}. Per kernel and channel, messages reach the listener
 * in the order the kernel sent them.
 */
package dev.nbguard.kernel;
