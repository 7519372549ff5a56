package dev.nbguard.sanitizer.svg;

import dev.nbguard.sanitizer.*;
import java.util.Optional;

/** Placeholder: drops everything until implemented (fail closed). */
public final class SvgSanitizer implements RepresentationSanitizer {
  public SvgSanitizer(PolicyConfig config, UrlPolicy urls) {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    throw new UnsupportedOperationException("SvgSanitizer is not implemented yet");
  }
}
