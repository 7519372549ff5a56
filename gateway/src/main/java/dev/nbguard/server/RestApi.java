package dev.nbguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbguard.kernel.KernelEnv;
import dev.nbguard.kernel.KernelManager;
import dev.nbguard.kernel.KernelModel;
import dev.nbguard.kernel.KernelSpec;
import dev.nbguard.kernel.NoSuchKernelException;
import dev.nbguard.kernel.NoSuchKernelSpecException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** The Kernel Gateway REST routes: {@code /api}, kernelspecs, kernels. */
final class RestApi {

  private static final System.Logger LOG = System.getLogger(RestApi.class.getName());

  private static final long MAX_BODY = 1 << 20;

  private final Vertx vertx;
  private final Context context;
  private final KernelManager manager;
  private final String defaultKernel;
  private final String version;
  private final ToIntFunction<String> connections;

  /** {@code connections}: how many clients each kernel has connected (shown in its model). */
  RestApi(Vertx vertx, Context context, KernelManager manager, String defaultKernel,
      String version, ToIntFunction<String> connections) {
    this.connections = connections;
    this.vertx = vertx;
    this.context = context;
    this.manager = manager;
    this.defaultKernel = defaultKernel;
    this.version = version;
  }

  void mount(Router router) {
    router.get("/api").handler(ctx -> json(ctx, 200,
        RestJson.JSON.createObjectNode().put("version", version)));
    router.get("/api/kernelspecs").handler(this::listSpecs);
    router.get("/api/kernelspecs/:name").handler(this::getSpec);
    router.get("/kernelspecs/:name/:file").handler(this::specResource);
    router.get("/api/kernels").handler(ctx ->
        json(ctx, 200, RestJson.models(manager.list(), connections)));
    router.post("/api/kernels").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
        .handler(this::startKernel);
    router.get("/api/kernels/:id").handler(ctx -> json(ctx, 200, RestJson.model(
        manager.get(id(ctx)).orElseThrow(() -> new NoSuchKernelException(id(ctx))),
        connections)));
    router.delete("/api/kernels/:id").handler(ctx ->
        adapt(manager.shutdown(id(ctx))).onSuccess(v -> ctx.response().setStatusCode(204).end())
            .onFailure(ctx::fail));
    router.post("/api/kernels/:id/interrupt").handler(ctx ->
        adapt(manager.interrupt(id(ctx))).onSuccess(v -> ctx.response().setStatusCode(204).end())
            .onFailure(ctx::fail));
    router.post("/api/kernels/:id/restart").handler(ctx ->
        adapt(manager.restart(id(ctx)))
            .onSuccess(m -> json(ctx, 200, RestJson.model(m, connections)))
            .onFailure(ctx::fail));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

  private <T> Future<T> adapt(java.util.concurrent.CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, context);
  }

  private void startKernel(RoutingContext ctx) {
    RestJson.StartRequest req = RestJson.startRequest(ctx.body().asString());
    KernelEnv env = KernelEnv.of(req.env()); // IllegalArgumentException → 400
    if (!env.ignored().isEmpty()) {
      LOG.log(Level.DEBUG, "kernel start: ignoring environment variables that do not start"
          + " with KERNEL_: " + env.ignored());
    }
    String name = req.name().orElse(defaultKernel);
    adapt(manager.start(name, env)).onSuccess((KernelModel m) -> {
      ctx.response().putHeader("Location", "/api/kernels/" + m.id());
      json(ctx, 201, RestJson.model(m, connections));
    }).onFailure(ctx::fail);
  }

  private void listSpecs(RoutingContext ctx) {
    vertx.executeBlocking(() -> manager.specs().findAll())
        .onSuccess(all -> json(ctx, 200, RestJson.specs(defaultKernel, all)))
        .onFailure(ctx::fail);
  }

  private Future<KernelSpec> findSpec(String name) {
    return vertx.executeBlocking(() -> manager.specs().find(name)
        .orElseThrow(() -> new NoSuchKernelSpecException(name)));
  }

  private void getSpec(RoutingContext ctx) {
    findSpec(ctx.pathParam("name")).onSuccess(s -> json(ctx, 200, RestJson.spec(s)))
        .onFailure(ctx::fail);
  }

  private void specResource(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    findSpec(ctx.pathParam("name")).onSuccess(s -> {
      Optional<Path> p = s.resource(file);
      if (p.isEmpty()) {
        ctx.fail(HttpError.notFound("kernelspec " + s.name() + " has no resource " + file));
      } else {
        ctx.response().sendFile(p.get().toString()).onFailure(ctx::fail);
      }
    }).onFailure(ctx::fail);
  }

  static void json(RoutingContext ctx, int status, JsonNode body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.toString());
  }
}
