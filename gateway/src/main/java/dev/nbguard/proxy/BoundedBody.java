package dev.nbguard.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/** Collects an answer body up to a limit; past it the upstream connection is reset. */
final class BoundedBody {

  private final HttpClientResponse response;
  private final int limit;

  BoundedBody(HttpClientResponse response, int limit) {
    this.response = response;
    this.limit = limit;
  }

  /** The whole body, or a failure naming the limit when it is larger. */
  Future<Buffer> collect() {
    Promise<Buffer> done = Promise.promise();
    String declared = response.getHeader("Content-Length");
    if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
      response.request().reset();
      done.fail(tooLarge());
      return done.future();
    }
    Buffer body = Buffer.buffer();
    response.handler(chunk -> {
      if (done.future().isComplete()) {
        return;
      }
      if ((long) body.length() + chunk.length() > limit) {
        response.request().reset();
        done.tryFail(tooLarge());
        return;
      }
      body.appendBuffer(chunk);
    });
    response.exceptionHandler(done::tryFail);
    response.endHandler(v -> done.tryComplete(body));
    return done.future();
  }

  private IllegalStateException tooLarge() {
    return new IllegalStateException("notebook contents answer larger than " + limit
        + " bytes; nbguard does not pass it unsanitized");
  }
}
