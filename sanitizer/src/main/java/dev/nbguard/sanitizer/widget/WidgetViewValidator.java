package dev.nbguard.sanitizer.widget;

import dev.nbguard.sanitizer.*;
import java.util.Optional;

/** Placeholder: drops everything until implemented (fail closed). */
public final class WidgetViewValidator implements RepresentationSanitizer {
  public WidgetViewValidator() {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    throw new UnsupportedOperationException("WidgetViewValidator is not implemented yet");
  }
}
