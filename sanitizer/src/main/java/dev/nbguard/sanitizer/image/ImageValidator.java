package dev.nbguard.sanitizer.image;

import dev.nbguard.sanitizer.*;
import java.util.Optional;

/** Placeholder: drops everything until implemented (fail closed). */
public final class ImageValidator implements RepresentationSanitizer {
  public ImageValidator() {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    throw new UnsupportedOperationException("ImageValidator is not implemented yet");
  }
}
