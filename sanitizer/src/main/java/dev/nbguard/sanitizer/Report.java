package dev.nbguard.sanitizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of sanitizing one representation. One instance per call, never shared
 * between threads; the handlers add to it instead of throwing.
 */
public final class Report {
  private final String mimeType;
  private final List<Finding> findings = new ArrayList<>();

  public Report(String mimeType) {
    this.mimeType = mimeType;
  }

  public String mimeType() {
    return mimeType;
  }

  /** Something inside the representation was removed or rewritten. */
  public void sanitized(String rule, String excerpt) {
    findings.add(new Finding(mimeType, Action.SANITIZE, rule, excerpt));
  }

  public void add(Action action, String rule, String excerpt) {
    findings.add(new Finding(mimeType, action, rule, excerpt));
  }

  /** Findings of a nested bundle (e.g. an Output widget's outputs) are kept as they are. */
  public void addAll(List<Finding> nested) {
    findings.addAll(nested);
  }

  public boolean isEmpty() {
    return findings.isEmpty();
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
