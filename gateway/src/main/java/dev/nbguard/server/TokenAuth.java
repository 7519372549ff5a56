package dev.nbguard.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Requires the API token on every request: {@code Authorization: token <t>} or
 * {@code ?token=<t>}, compared in constant time. Fails the request with 403 otherwise.
 */
public final class TokenAuth implements Handler<RoutingContext> {

  private final byte[] token;

  public TokenAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (token.length == 0 || presented(ctx.request()).filter(this::matches).isPresent()) {
      ctx.next();
    } else {
      ctx.fail(HttpError.forbidden("a valid token is required"
          + " (Authorization: token <token>, or ?token=<token>)"));
    }
  }

  boolean matches(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }

  static Optional<String> presented(HttpServerRequest request) {
    String auth = request.getHeader("Authorization");
    if (auth != null) {
      String trimmed = auth.trim();
      int space = trimmed.indexOf(' ');
      if (space > 0) {
        String scheme = trimmed.substring(0, space);
        if (scheme.equalsIgnoreCase("token") || scheme.equalsIgnoreCase("bearer")) {
          return Optional.of(trimmed.substring(space + 1).trim());
        }
      }
    }
    return Optional.ofNullable(request.getParam("token"));
  }
}
