package dev.nbguard.proxy;

import dev.nbguard.filter.MessageFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Forwards one HTTP request to the upstream and its answer back, both bodies streamed with
 * backpressure (a pipe each way), except answers {@link ContentsRewriter} must read, which are
 * collected (bounded), sanitized and sent with their new length.
 */
final class HttpForwarder {

  /** Contents answers up to this size are sanitized on the event loop (see rewrite). */
  static final int INLINE_REWRITE_BYTES = 64 * 1024;

  private static final System.Logger LOG = System.getLogger(HttpForwarder.class.getName());
  private static final String SANDBOX = "sandbox allow-scripts";

  private final Vertx vertx;
  private final HttpClient client;
  private final ProxyConfig config;
  private final ContentsRewriter contents;
  private final MessageFilter filter;

  HttpForwarder(Vertx vertx, HttpClient client, ProxyConfig config, ContentsRewriter contents,
      MessageFilter filter) {
    this.vertx = vertx;
    this.client = client;
    this.config = config;
    this.contents = contents;
    this.filter = filter;
  }

  void forward(HttpServerRequest req) {
    req.pause();
    String method = req.method().name();
    boolean inspect = ContentsRewriter.mayApply(method, req.path());
    RequestOptions options = new RequestOptions()
        .setHost(config.upstream().host())
        .setPort(config.upstream().port())
        .setSsl(config.upstream().ssl())
        .setMethod(req.method())
        .setURI(req.uri())
        .setConnectTimeout(config.upstreamTimeout().toMillis())
        .setIdleTimeout(config.upstreamTimeout().toMillis())
        .setHeaders(ProxyHeaders.request(req.headers(), inspect));
    client.request(options).onComplete(ar -> {
      if (ar.failed()) {
        fail(req, ar.cause());
        return;
      }
      HttpClientRequest up = ar.result();
      if (req.authority() != null) {
        up.authority(req.authority()); // the browser's Host: see ProxyHeaders
      }
      req.response().closeHandler(v -> {
        if (!req.response().ended()) {
          up.reset(); // the browser went away: stop the upstream work too
        }
      });
      boolean hasBody = req.headers().contains("Content-Length")
          || req.headers().contains("Transfer-Encoding");
      var answer = hasBody ? up.send(req) : up.send();
      if (!hasBody) {
        req.resume();
      }
      answer.onSuccess(resp -> respond(req, resp, inspect)).onFailure(e -> fail(req, e));
    });
  }

  private void respond(HttpServerRequest req, HttpClientResponse resp, boolean inspect) {
    HttpServerResponse out = req.response();
    out.setStatusCode(resp.statusCode());
    if (resp.statusMessage() != null) {
      out.setStatusMessage(resp.statusMessage());
    }
    out.headers().setAll(ProxyHeaders.response(resp.headers(), config.upstream().origin(),
        req.scheme() + "://" + (req.authority() == null ? "" : req.authority().toString())));
    if (ProxyPaths.isNbconvert(req.path())) {
      out.headers().add("Content-Security-Policy", SANDBOX);
    }
    ProxyPaths.kernelReset(req.method().name(), req.path())
        .filter(id -> resp.statusCode() < 300)
        .ifPresent(filter::forgetKernel);
    if (inspect && ContentsRewriter.answerNeedsReading(resp.statusCode(),
        Optional.ofNullable(resp.getHeader("Content-Type")))) {
      new BoundedBody(resp, config.maxContentsBytes()).collect()
          .onSuccess(body -> sendInspected(req, resp, body))
          .onFailure(e -> ProxyFailures.send(out, 502, e.getMessage()));
      return;
    }
    boolean bodyless = req.method().name().equals("HEAD") || resp.statusCode() == 204
        || resp.statusCode() == 304 || resp.statusCode() < 200;
    if (!out.headers().contains("Content-Length") && !bodyless) {
      out.setChunked(true);
    }
    resp.pipe().endOnFailure(false).to(out).onFailure(e -> {
      LOG.log(Level.DEBUG, () -> "answer to " + req.uri() + " broke off: " + e);
      if (!out.ended()) {
        out.reset();
      }
    });
  }

  private void sendInspected(HttpServerRequest req, HttpClientResponse resp, Buffer body) {
    HttpServerResponse out = req.response();
    if (resp.getHeader("Content-Encoding") != null
        && !"identity".equalsIgnoreCase(resp.getHeader("Content-Encoding"))) {
      ProxyFailures.send(out, 502, "contents answer is encoded ("
          + resp.getHeader("Content-Encoding") + "); nbguard cannot inspect it");
      return;
    }
    byte[] raw = body.getBytes();
    rewrite(raw)
        .onSuccess(rewritten -> {
          byte[] bytes = rewritten.orElse(raw);
          out.headers().set("Content-Length", Integer.toString(bytes.length));
          out.end(Buffer.buffer(bytes));
        })
        .onFailure(e -> {
          LOG.log(Level.WARNING, "refused contents answer for " + req.path() + ": "
              + e.getMessage());
          ProxyFailures.send(out, 502, "nbguard could not sanitize this notebook: "
              + e.getMessage());
        });
  }

  /**
   * Sanitizes a contents answer: a small one at once on the event loop (well under a
   * millisecond; handing it to a worker thread and back costs more than that on a busy machine),
   * a larger one on a worker, so the event loop keeps serving other requests meanwhile.
   */
  private Future<Optional<byte[]>> rewrite(byte[] raw) {
    if (raw.length <= INLINE_REWRITE_BYTES) {
      try {
        return Future.succeededFuture(contents.rewrite(raw));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    return vertx.executeBlocking(() -> contents.rewrite(raw), false);
  }

  private void fail(HttpServerRequest req, Throwable e) {
    int status = ProxyFailures.statusOf(e);
    String message = ProxyFailures.describe(config.upstream(), e);
    LOG.log(Level.DEBUG, () -> req.method() + " " + req.uri() + ": " + message);
    req.resume(); // let an unread request body drain
    ProxyFailures.send(req.response(), status, message);
  }
}
