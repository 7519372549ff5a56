package dev.nbguard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbguard.kernel.KernelLimitException;
import dev.nbguard.kernel.NoSuchKernelException;
import dev.nbguard.kernel.NoSuchKernelSpecException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where failures become HTTP answers: status from the exception type, body
 * {@code {"reason": <status phrase>, "message": <detail>}}.
 */
public final class ErrorResponses {

  private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorResponses() {}

  /** The HTTP status for a failure. */
  public static int statusOf(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof HttpError h) {
      return h.status();
    }
    if (t instanceof NoSuchKernelException || t instanceof NoSuchKernelSpecException) {
      return 404;
    }
    if (t instanceof IllegalArgumentException || t instanceof DecodeException) {
      return 400;
    }
    if (t instanceof KernelLimitException) {
      return 503;
    }
    return 500;
  }

  /** Router failure handler: answers with the mapped status and a JSON error. */
  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure == null) {
      int code = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      send(ctx, code, code == 404 ? "no such resource: " + ctx.request().path()
          : HttpResponseStatus.valueOf(code).reasonPhrase());
      return;
    }
    Throwable t = unwrap(failure);
    int status = statusOf(t);
    if (status == 500) {
      LOG.log(Level.ERROR, "request " + ctx.request().method() + " " + ctx.request().path()
          + " failed", t);
    }
    send(ctx, status, status == 500 && t.getMessage() == null ? t.toString() : t.getMessage());
  }

  /** Answers with {@code status} and a JSON error body (unless an answer already began). */
  public static void send(RoutingContext ctx, int status, String message) {
    if (ctx.response().headWritten() || ctx.response().closed()) {
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("reason", HttpResponseStatus.valueOf(status).reasonPhrase());
    body.put("message", message == null ? "" : message);
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.toString());
  }

  static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
