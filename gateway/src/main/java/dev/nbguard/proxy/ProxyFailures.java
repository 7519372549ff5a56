package dev.nbguard.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import java.net.ConnectException;
import java.util.Locale;

/**
 * The proxy's own answers, JSON {@code {"reason","message"}} like Jupyter Server's: 502 when the
 * upstream cannot be reached or broke off, 504 when it stayed silent past the timeout.
 */
final class ProxyFailures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProxyFailures() {}

  /** 504 for a timeout, 502 for everything else. */
  static int statusOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
      if (name.contains("timeout") && !(t instanceof ConnectException)) {
        return 504;
      }
    }
    return 502;
  }

  /** A one-line description of why the upstream failed. */
  static String describe(Upstream upstream, Throwable failure) {
    int status = statusOf(failure);
    String why = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getMessage();
    return status == 504 ? "upstream " + upstream + " did not answer in time: " + why
        : "upstream " + upstream + " is not reachable: " + why;
  }

  /** Answers {@code status} with a JSON error, unless an answer already began (then resets). */
  static void send(HttpServerResponse response, int status, String message) {
    if (response.closed() || response.ended()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("reason", HttpResponseStatus.valueOf(status).reasonPhrase());
    body.put("message", message);
    response.headers().clear();
    response.setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.toString());
  }
}
