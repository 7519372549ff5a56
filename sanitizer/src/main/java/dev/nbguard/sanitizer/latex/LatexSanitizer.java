package dev.nbguard.sanitizer.latex;

import dev.nbguard.sanitizer.*;
import java.util.Optional;

/** Placeholder: drops everything until implemented (fail closed). */
public final class LatexSanitizer implements RepresentationSanitizer {
  public LatexSanitizer(UrlPolicy urls) {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    throw new UnsupportedOperationException("LatexSanitizer is not implemented yet");
  }
}
