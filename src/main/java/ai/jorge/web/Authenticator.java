package ai.jorge.web;

import ai.jorge.store.ApiKeys;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the caller of every route that declares roles: {@code Authorization: Bearer <api key>}
 * for machines, or the dashboard's session cookie, where a state-changing call must also carry
 * the session's CSRF token. Routes without roles are public. 401 without valid credentials, 403
 * with too weak a role or a missing CSRF token.
 */
public final class Authenticator {
  public static final String SESSION_COOKIE = "jorge_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
  private final ApiKeys keys;
  private final SessionLookup sessions;
  private final Clock clock;

  public Authenticator(ApiKeys keys, SessionLookup sessions, Clock clock) {
    this.keys = keys;
    this.sessions = sessions;
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
    Caller caller = authenticate(ctx);
    if (!caller.role().includes(needed)) {
      throw new HttpStatusException(
          403, "forbidden", "this needs the " + needed.wireName() + " role");
    }
    ctx.attribute(Caller.ATTRIBUTE, caller);
    return caller;
  }

  private Caller authenticate(Context ctx) {
    Optional<String> bearer = bearer(ctx);
    if (bearer.isPresent()) {
      return byKey(bearer.get())
          .orElseThrow(() -> new HttpStatusException(401, "unauthorized", "invalid API key"));
    }
    String cookie = ctx.cookie(SESSION_COOKIE);
    SessionLookup.Session session =
        (cookie == null || cookie.isBlank()
                ? Optional.<SessionLookup.Session>empty()
                : sessions.find(cookie))
            .orElseThrow(
                () -> new HttpStatusException(401, "unauthorized", "log in or send a valid API key"));
    if (!SAFE.contains(ctx.method()) && !sameToken(ctx.header(CSRF_HEADER), session.csrfToken())) {
      throw new HttpStatusException(
          403, "csrf_failed", "missing or wrong " + CSRF_HEADER + " header");
    }
    return session.caller();
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

  private static boolean sameToken(String given, String expected) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
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
