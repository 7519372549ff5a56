package dev.nbguard.sanitizer.widget;

import dev.nbguard.sanitizer.PolicyConfig;
import dev.nbguard.sanitizer.SanitizedOutputs;
import dev.nbguard.sanitizer.html.HtmlSanitizer;

/** Widget model state: HTML-bearing fields, Output-widget outputs, module allowlist. Placeholder. */
public final class WidgetStateSanitizer {
  public WidgetStateSanitizer(PolicyConfig config, HtmlSanitizer html, SanitizedOutputs.Sanitizer outputs) {}
}
