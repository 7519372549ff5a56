package dev.nbguard.sanitizer;

import java.util.Optional;

/** {@code text/plain}: rendered as text by every frontend; only its shape is checked. */
enum PlainText implements RepresentationSanitizer {
  INSTANCE;

  @Override
  public Optional<Representation> sanitize(Representation r, Action action, Report report) {
    r.text();
    return Optional.of(r);
  }
}
