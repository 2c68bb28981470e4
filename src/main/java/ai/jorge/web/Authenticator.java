package ai.jorge.web;

import ai.jorge.store.ApiKeys;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the caller of every route that declares roles: {@code Authorization: Bearer <api key>}.
 * Routes without roles are public. 401 without valid credentials, 403 with too weak a role.
 */
public final class Authenticator {
  private final ApiKeys keys;
  private final Clock clock;

  public Authenticator(ApiKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  void check(Context ctx) {
    Set<RouteRole> required = ctx.routeRoles();
    if (required.isEmpty()) {
      return;
    }
    Role needed =
        required.stream().map(Role.class::cast).min(Enum::compareTo).orElse(Role.ADMIN);
    require(ctx, needed);
  }

  /** For a public route whose optional input needs a role: 401/403 unless the caller has it. */
  public Caller require(Context ctx, Role needed) {
    Caller caller =
        bearer(ctx)
            .flatMap(this::byKey)
            .orElseThrow(
                () -> new HttpStatusException(401, "unauthorized", "a valid API key is required"));
    if (!caller.role().includes(needed)) {
      throw new HttpStatusException(
          403, "forbidden", "this needs the " + needed.wireName() + " role");
    }
    ctx.attribute(Caller.ATTRIBUTE, caller);
    return caller;
  }

  /** The authenticated caller of a request, for routes that declared roles. */
  public static Caller caller(Context ctx) {
    return ctx.attribute(Caller.ATTRIBUTE);
  }

  /** Resolves a raw token (WebSocket auth message): an API key. */
  public Optional<Caller> byKey(String token) {
    return keys
        .identify(token, clock.instant())
        .map(k -> new Caller(Caller.API_KEY_PREFIX + k.id(), Role.parse(k.role())));
  }

  private static Optional<String> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
