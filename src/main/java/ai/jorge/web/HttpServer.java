package ai.jorge.web;

import ai.jorge.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/** The HTTP and WebSocket server: one Javalin instance with every feature's routes. */
public final class HttpServer implements Service {
  private static final String STARTED_AT = "jorge.started";
  private final Javalin javalin;
  private final int requestedPort;

  public HttpServer(
      int port,
      ObjectMapper json,
      Authenticator auth,
      MeterRegistry meters,
      List<RouteGroup> groups) {
    this.requestedPort = port;
    this.javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.http.maxRequestSize = 1024 * 1024;
              config.routes.before(ctx -> ctx.attribute(STARTED_AT, System.nanoTime()));
              config.routes.beforeMatched(auth::check);
              config.routes.after(ctx -> record(meters, ctx));
              ErrorMapping.register(config.routes);
              groups.forEach(g -> g.register(config.routes));
            });
  }

  private static void record(MeterRegistry meters, io.javalin.http.Context ctx) {
    Long started = ctx.attribute(STARTED_AT);
    if (started == null) {
      return;
    }
    String route;
    try {
      route = ctx.endpoint().path;
    } catch (RuntimeException e) {
      route = "unmatched";
    }
    Timer.builder("jorge.http.server.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .publishPercentileHistogram()
        .register(meters)
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public void start() {
    javalin.start(requestedPort);
  }

  /** The bound port (the real one when started on port 0). */
  public int port() {
    return javalin.port();
  }

  @Override
  public void stop() {
    javalin.stop();
  }
}
