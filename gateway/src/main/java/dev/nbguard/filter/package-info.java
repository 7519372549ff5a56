/**
 * The message filter every transport runs: kernel messages are rewritten under the output policy
 * before a client sees them ({@link dev.nbguard.filter.MessageFilter#toClient}), client messages
 * are checked against an allowlist ({@link dev.nbguard.filter.ClientMessagePolicy}), and every
 * change goes to an {@link dev.nbguard.filter.AuditLog} and to counters.
 */
package dev.nbguard.filter;
