package dev.nbguard.sanitizer.vega;

import dev.nbguard.sanitizer.*;
import java.util.Optional;

/** Placeholder: drops everything until implemented (fail closed). */
public final class VegaSanitizer implements RepresentationSanitizer {
  public VegaSanitizer(UrlPolicy urls) {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    throw new UnsupportedOperationException("VegaSanitizer is not implemented yet");
  }
}
