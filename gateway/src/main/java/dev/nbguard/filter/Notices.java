package dev.nbguard.filter;

import dev.nbguard.protocol.Bytes;
import dev.nbguard.sanitizer.Action;
import dev.nbguard.sanitizer.Finding;
import dev.nbguard.sanitizer.OutputPolicy;
import java.util.Optional;
import java.util.Set;

/** What the filter puts in place of content it could not read, and its findings. */
final class Notices {
  /** Message types whose content the filter reads; every other type passes untouched. */
  static final Set<String> READS_CONTENT = Set.of(
      "display_data", "update_display_data", "execute_result", "inspect_reply", "execute_reply",
      "debug_reply", "kernel_info_reply", "comm_open", "comm_msg", "comm_close");

  static final String NOTICE = OutputPolicy.NOTICE_PREFIX
      + "removed this output: its content could not be checked.";

  private Notices() {}

  static Finding finding(String rule, String excerpt) {
    return new Finding("(message)", Action.DROP, rule, excerpt);
  }

  /**
   * A safe content for a message of {@code type} whose own content could not be checked, or empty
   * when the message is better dropped.
   */
  static Optional<Bytes> replacementContent(String type) {
    String notice = "{\"text/plain\":\"" + NOTICE + "\"}";
    return switch (type) {
      case "display_data" -> Optional.of(Bytes.utf8(
          "{\"data\":" + notice + ",\"metadata\":{},\"transient\":{}}"));
      case "execute_result" -> Optional.of(Bytes.utf8(
          "{\"data\":" + notice + ",\"metadata\":{},\"execution_count\":null}"));
      case "execute_reply", "inspect_reply", "kernel_info_reply", "debug_reply" ->
          Optional.of(Bytes.utf8("{\"status\":\"error\",\"ename\":\"nbguard\",\"evalue\":\""
              + NOTICE + "\",\"traceback\":[]}"));
      default -> Optional.empty(); // update_display_data, comm_*: dropping is harmless
    };
  }
}
