package dev.nbguard.filter;

import dev.nbguard.sanitizer.Finding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one {@link MessageFilter}; thread-safe, cheap to update. */
final class FilterMetrics {
  /** Distinct rule names counted separately; more (should not happen) go to {@code other}. */
  static final int MAX_RULES = 512;

  private final LongAdder seen = new LongAdder();
  private final LongAdder rewritten = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder clientRejected = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byRule = new ConcurrentHashMap<>();

  void seen() {
    seen.increment();
  }

  void result(FilterResult r) {
    if (r.dropped()) {
      dropped.increment();
    } else if (!r.findings().isEmpty()) {
      rewritten.increment();
    }
    count(r.findings());
  }

  void clientRejected() {
    clientRejected.increment();
  }

  private void count(List<Finding> findings) {
    for (Finding f : findings) {
      String rule = byRule.size() < MAX_RULES || byRule.containsKey(f.rule()) ? f.rule() : "other";
      byRule.computeIfAbsent(rule, k -> new LongAdder()).increment();
    }
  }

  MetricsSnapshot snapshot() {
    Map<String, Long> rules = new TreeMap<>();
    byRule.forEach((k, v) -> rules.put(k, v.sum()));
    return new MetricsSnapshot(seen.sum(), rewritten.sum(), dropped.sum(), clientRejected.sum(),
        rules);
  }
}
