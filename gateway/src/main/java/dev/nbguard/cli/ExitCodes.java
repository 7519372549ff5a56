package dev.nbguard.cli;

/** The exit codes every nbguard command uses. */
final class ExitCodes {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 3;

  static final String LIST_OK = "0:done; with --check: nothing would be removed";
  static final String LIST_FINDINGS = "1:--check: something would be removed or neutralised";
  static final String LIST_USAGE =
      "2:bad usage or bad input (not JSON, not a notebook, missing file, bad policy)";
  static final String LIST_INTERNAL = "3:internal error (a bug: please report it)";

  private ExitCodes() {}
}
