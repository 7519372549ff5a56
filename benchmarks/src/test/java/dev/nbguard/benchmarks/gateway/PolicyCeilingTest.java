package dev.nbguard.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyCeilingTest {

  @Test
  void defaultPolicyKeepsTheFloodTableAndCountsRuns() throws Exception {
    PolicyCeiling ceiling = PolicyCeiling.forFloodHtml("/usr/bin/python3",
        Path.of("flood_kernel.py").toAbsolutePath(), 5_000);
    // throws if the policy dropped the table; a positive rate means it ran
    assertTrue(ceiling.perSecond(0.05) > 0);
  }
}
