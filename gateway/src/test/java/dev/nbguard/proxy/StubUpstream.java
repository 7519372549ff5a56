package dev.nbguard.proxy;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A stand-in upstream on a given port: a plain Vert.x server with the test's own handler. */
final class StubUpstream implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  StubUpstream(int port, List<String> subprotocols, Handler<HttpServerRequest> handler)
      throws Exception {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
            .setWebSocketSubProtocols(subprotocols.isEmpty() ? null : subprotocols))
        .requestHandler(handler)
        .listen().await(10, TimeUnit.SECONDS);
  }

  int port() {
    return server.actualPort();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
