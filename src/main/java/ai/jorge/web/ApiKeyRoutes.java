package ai.jorge.web;

import ai.jorge.NotFoundException;
import ai.jorge.store.ApiKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Machine API keys for admins (SPEC §8): {@code POST /api/v1/api-keys} creates a key with a role
 * and shows its secret once, {@code GET} lists keys with their last use (never a secret or hash),
 * {@code DELETE /api/v1/api-keys/{id}} revokes one at once. Stateless.
 */
public final class ApiKeyRoutes implements RouteGroup {
  private static final int MAX_NAME = 100;
  private final ApiKeys keys;
  private final JsonBodies bodies;
  private final Clock clock;

  /** The answer to a creation: the only time the secret is shown. */
  record Created(String id, String name, String role, Instant createdAt, String key) {}

  public ApiKeyRoutes(ApiKeys keys, JsonBodies bodies, Clock clock) {
    this.keys = keys;
    this.bodies = bodies;
    this.clock = clock;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/api-keys", this::create, Role.ADMIN);
    routes.get("/api/v1/api-keys", ctx -> ctx.json(Map.of("api_keys", keys.list())), Role.ADMIN);
    routes.delete("/api/v1/api-keys/{id}", this::revoke, Role.ADMIN);
  }

  private void create(Context ctx) {
    JsonNode body = bodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String name = JsonBodies.requiredText(body, "name", problems);
    String role = JsonBodies.requiredText(body, "role", problems);
    if (name != null && name.length() > MAX_NAME) {
      problems.add("name (longer than " + MAX_NAME + ")");
    }
    if (role != null && !validRole(role)) {
      problems.add("role (viewer, agent or admin)");
    }
    JsonBodies.failIfAny(problems);
    var created = keys.create(name.strip(), Role.parse(role).wireName(), clock.instant());
    var k = created.key();
    ctx.status(201).json(new Created(k.id(), k.name(), k.role(), k.createdAt(), created.secret()));
  }

  private void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!keys.revoke(id, clock.instant()) && keys.find(id).isEmpty()) {
      throw new NotFoundException("api key", id);
    }
    ctx.status(204);
  }

  private static boolean validRole(String role) {
    try {
      Role.parse(role);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
