package dev.nbguard.filter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The filter's counters at one moment.
 *
 * @param messagesSeen kernel messages passed to {@link MessageFilter#toClient}
 * @param messagesRewritten of those, forwarded with a rewritten content
 * @param messagesDropped of those, not forwarded at all
 * @param clientMessagesRejected client messages {@link MessageFilter#allowedFromClient} refused
 * @param findingsByRule findings per rule name, sorted by name
 */
public record MetricsSnapshot(long messagesSeen, long messagesRewritten, long messagesDropped,
    long clientMessagesRejected, Map<String, Long> findingsByRule) {
  public MetricsSnapshot {
    findingsByRule = Collections.unmodifiableMap(new TreeMap<>(findingsByRule));
  }
}
