package ai.jorge.web;

import ai.jorge.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The HTTP and WebSocket server: one Javalin instance with every feature's routes. */
public final class HttpServer implements Service {
  private static final String STARTED_AT = "jorge.started";
  private static final String ADMITTED = "jorge.admitted";
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  /** SPEC §11's webhook acknowledgement target, an exact bucket bound for the alert's p99. */
  private static final Duration WEBHOOK_ACK_SLO = Duration.ofMillis(150);
  private final Javalin javalin;
  private final int requestedPort;
  private final IntakeGate gate;

  public HttpServer(
      int port,
      ObjectMapper json,
      Authenticator auth,
      MeterRegistry meters,
      IntakeGate gate,
      List<RouteGroup> groups) {
    this.requestedPort = port;
    this.gate = gate;
    this.javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.http.maxRequestSize = 1024 * 1024;
              config.routes.before(ctx -> ctx.attribute(STARTED_AT, System.nanoTime()));
              config.routes.before(this::admit);
              config.routes.beforeMatched(auth::check);
              config.routes.after(ctx -> record(meters, ctx));
              config.routes.after(this::release);
              ErrorMapping.register(config.routes);
              groups.forEach(g -> g.register(config.routes));
            });
  }

  private void admit(Context ctx) {
    if (READS.contains(ctx.method().name())) {
      return;
    }
    if (!gate.isOpen()) {
      ctx.header("Retry-After", "1");
      throw new HttpStatusException(503, "shutting_down", "this instance is shutting down; retry");
    }
    gate.enter();
    ctx.attribute(ADMITTED, Boolean.TRUE);
  }

  private void release(Context ctx) {
    if (ctx.attribute(ADMITTED) != null) {
      ctx.attribute(ADMITTED, null);
      gate.exit();
    }
  }

  private static void record(MeterRegistry meters, Context ctx) {
    Long started = ctx.attribute(STARTED_AT);
    if (started == null) {
      return;
    }
    var matched = ctx.endpoints().matchedHttpEndpoint();
    String route = matched == null ? "unmatched" : matched.path;
    Timer.builder("jorge.http.server.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .publishPercentileHistogram()
        .serviceLevelObjectives(WEBHOOK_ACK_SLO)
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

  /** Refuses new intake (503) and waits for admitted requests to finish. */
  @Override
  public void drain() throws InterruptedException {
    gate.close();
    gate.awaitIdle(DRAIN_LIMIT);
  }

  @Override
  public void stop() {
    javalin.stop();
  }
}
