package dev.nbguard.proxy;

import dev.nbguard.filter.AuditLog;
import dev.nbguard.filter.MessageFilter;
import dev.nbguard.sanitizer.OutputPolicy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Rehearses the proxy's HTTP paths right after it starts, on its own Vert.x instance but against
 * nobody real: a second, private proxy (127.0.0.1, any port, no audit) in front of a stand-in
 * upstream that answers like Jupyter (a small JSON, a script, a notebook through the contents
 * API), asked over a new connection each time. Until the JVM has compiled them, accepting a
 * connection, forwarding, piping and sanitizing run interpreted: 4-10 ms more per request, and
 * about 0.3 s for the very first, during the first few hundred requests a browser makes.
 * Nothing reaches the real upstream or the audit log.
 */
final class HttpRehearsal {

  private static final System.Logger LOG = System.getLogger(HttpRehearsal.class.getName());
  /** Requests that bring the paths close to their compiled speed. */
  static final int ROUNDS = 1200;
  /** Stop after this long even when the machine is too busy to finish the rounds. */
  static final Duration BUDGET = Duration.ofSeconds(20);
  static final String SCRIPT_PATH = "/static/nbguard-warmup/app.js";
  static final String CONTENTS_PATH = "/api/contents/warmup.ipynb";

  private final Vertx vertx;
  private final OutputPolicy policy;
  private final Buffer script = Buffer.buffer(new byte[256 << 10]);
  private final Buffer contents;
  private volatile boolean stopped;
  private volatile int done;

  HttpRehearsal(Vertx vertx, OutputPolicy policy, byte[] contentsModel) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.contents = Buffer.buffer(contentsModel);
  }

  /** Requests answered (by the private proxy, with any status) so far. */
  int roundsDone() {
    return done;
  }

  /** Stops before the next request. */
  void stop() {
    stopped = true;
  }

  /**
   * Runs up to {@code rounds} requests within {@code budget}; completes with the number of 200
   * answers once the private servers are closed again. Fails only when they cannot start.
   */
  Future<Integer> run(int rounds, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    HttpServer standIn = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1")
        .setPort(0)).requestHandler(this::answerAsJupyter);
    return standIn.listen().compose(up -> {
      ProxyConfig config = ProxyConfig.of(new Upstream(false, "127.0.0.1", up.actualPort()))
          .withListen("127.0.0.1", 0);
      ProxyServer proxy = new ProxyServer(config, new MessageFilter(policy, AuditLog.NO_AUDIT),
          AuditLog.NO_AUDIT);
      return vertx.deployVerticle(proxy).compose(id -> {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        Promise<Integer> finished = Promise.promise();
        next(client, proxy.actualPort(), 0, rounds, deadline, finished);
        return finished.future()
            .eventually(() -> client.close())
            .eventually(() -> vertx.undeploy(id));
      }).eventually(() -> standIn.close());
    });
  }

  private void next(HttpClient client, int port, int ok, int rounds, long deadline,
      Promise<Integer> finished) {
    if (stopped || done >= rounds || System.nanoTime() - deadline > 0) {
      finished.complete(ok);
      return;
    }
    String uri = switch (done % 8) {
      case 0 -> CONTENTS_PATH + "?type=notebook&content=1";
      case 1, 2, 3 -> SCRIPT_PATH;
      default -> "/api/status";
    };
    client.request(new RequestOptions().setHost("127.0.0.1").setPort(port)
            .setMethod(HttpMethod.GET).setURI(uri))
        .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
        .onComplete(ar -> {
          done++;
          if (ar.failed()) {
            LOG.log(Level.DEBUG, () -> "rehearsal request failed: " + ar.cause());
          }
          boolean good = ar.succeeded() && ar.result() == 200;
          next(client, port, good ? ok + 1 : ok, rounds, deadline, finished);
        });
  }

  private void answerAsJupyter(HttpServerRequest req) {
    var out = req.response().putHeader("Server", "TornadoServer/6.2")
        .putHeader("Cache-Control", "no-cache");
    if (req.path().equals(SCRIPT_PATH)) {
      out.putHeader("Content-Type", "application/javascript").end(script);
    } else if (req.path().equals(CONTENTS_PATH)) {
      out.putHeader("Content-Type", "application/json").end(contents);
    } else {
      out.putHeader("Content-Type", "application/json").end("{\"started\": \"now\"}");
    }
  }
}
