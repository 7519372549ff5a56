package dev.nbguard.sanitizer.markdown;

import dev.nbguard.sanitizer.*;
import java.util.Optional;

/** Placeholder: drops everything until implemented (fail closed). */
public final class MarkdownSanitizer implements RepresentationSanitizer {
  public MarkdownSanitizer(dev.nbguard.sanitizer.html.HtmlSanitizer html, UrlPolicy urls) {}

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    throw new UnsupportedOperationException("MarkdownSanitizer is not implemented yet");
  }
}
