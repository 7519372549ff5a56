package dev.nbguard.cli;

import dev.nbguard.sanitizer.OutputPolicy;
import dev.nbguard.sanitizer.PolicyFiles;
import picocli.CommandLine.Option;

/** {@code --policy PRESET|FILE}, shared by the commands; NBGUARD_POLICY sets the default. */
final class PolicyOption {
  @Option(
      names = "--policy",
      paramLabel = "PRESET|FILE",
      defaultValue = "${env:NBGUARD_POLICY:-default}",
      description = "strict, default, permissive, or a YAML/JSON policy file"
          + " (default: $NBGUARD_POLICY, else default).")
  String policy;

  /** The policy; IllegalArgumentException with a clear message when it cannot be loaded. */
  OutputPolicy load() {
    return OutputPolicy.of(PolicyFiles.resolve(policy));
  }
}
