package ai.jorge.ops;

import ai.jorge.web.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health probes (SPEC §7): liveness never looks at dependencies; readiness asks {@link Readiness}
 * and answers 503 naming the components that are down; the summary adds build info.
 */
public final class HealthRoutes implements RouteGroup {
  private final Readiness readiness;
  private final String instanceId;
  private final String version;
  private final Clock clock;
  private final Instant startedAt;

  public HealthRoutes(Readiness readiness, String instanceId, String version, Clock clock) {
    this.readiness = readiness;
    this.instanceId = instanceId;
    this.version = version;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP", "instance", instanceId)));
    routes.get("/health/ready", this::ready);
    routes.get("/health", this::summary);
  }

  private Map<String, Object> components() {
    Map<String, Object> out = new LinkedHashMap<>();
    readiness
        .components()
        .forEach(
            (name, st) ->
                out.put(name, Map.of("status", st.up() ? "UP" : "DOWN", "detail", st.detail())));
    return out;
  }

  private static boolean allUp(Map<String, Object> components) {
    return components.values().stream()
        .allMatch(v -> "UP".equals(((Map<?, ?>) v).get("status")));
  }

  private void ready(Context ctx) {
    Map<String, Object> components = components();
    boolean up = allUp(components);
    ctx.status(up ? 200 : 503)
        .json(Map.of("status", up ? "UP" : "DOWN", "components", components, "instance", instanceId));
  }

  private void summary(Context ctx) {
    Map<String, Object> components = components();
    boolean up = allUp(components);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.put("instance", instanceId);
    body.put("components", components);
    body.put(
        "build",
        Map.of(
            "version", version,
            "java", Runtime.version().toString(),
            "uptime_seconds", Duration.between(startedAt, clock.instant()).toSeconds()));
    ctx.status(up ? 200 : 503).json(body);
  }
}
