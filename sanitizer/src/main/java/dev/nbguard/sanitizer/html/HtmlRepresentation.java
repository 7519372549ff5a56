package dev.nbguard.sanitizer.html;

import dev.nbguard.sanitizer.*;
import java.util.Optional;

/** Placeholder: drops everything until implemented (fail closed). */
public final class HtmlRepresentation implements RepresentationSanitizer {
  public HtmlRepresentation(HtmlSanitizer html, PolicyConfig config) {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    throw new UnsupportedOperationException("HtmlRepresentation is not implemented yet");
  }
}
