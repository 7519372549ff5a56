package dev.nbguard.sanitizer.css;

/**
 * Why a declaration, selector or rule is not kept: a stable rule name for the finding. Thrown
 * inside the filters and caught where the unit is dropped; carries no stack trace (it is control
 * flow, not an error).
 */
final class Rejected extends Exception {
  private static final long serialVersionUID = 1L;

  private final String rule;

  Rejected(String rule) {
    super(rule, null, false, false);
    this.rule = rule;
  }

  String rule() {
    return rule;
  }
}
