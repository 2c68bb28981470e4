package ai.jorge.users;

import ai.jorge.web.Authenticator;
import ai.jorge.web.Caller;
import ai.jorge.web.HttpStatusException;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.OriginPolicy;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashboard login ({@code POST /api/v1/auth/login}), logout and {@code GET /api/v1/auth/me}, and
 * the admin's user API ({@code POST|GET /api/v1/users}). The session cookie is HttpOnly,
 * SameSite=Strict, Path=/, and Secure when the request came over https.
 */
public final class AuthRoutes implements RouteGroup {
  private final Users users;
  private final Sessions sessions;
  private final JsonBodies bodies;
  private final OriginPolicy origins;

  public AuthRoutes(Users users, Sessions sessions, JsonBodies bodies, OriginPolicy origins) {
    this.users = users;
    this.sessions = sessions;
    this.bodies = bodies;
    this.origins = origins;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/auth/login", this::login);
    routes.post("/api/v1/auth/logout", this::logout, Role.VIEWER);
    routes.get("/api/v1/auth/me", this::me, Role.VIEWER);
    routes.post("/api/v1/users", this::createUser, Role.ADMIN);
    routes.get("/api/v1/users", ctx -> ctx.json(Map.of("users", users.list().stream().map(AuthRoutes::view).toList())), Role.ADMIN);
  }

  private void login(Context ctx) {
    origins.check(ctx.header("Origin"), ctx.header("Host"));
    JsonNode body = bodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String username = JsonBodies.requiredText(body, "username", problems);
    String password = JsonBodies.requiredText(body, "password", problems);
    JsonBodies.failIfAny(problems);
    User user =
        users
            .check(username, password)
            .orElseThrow(
                () -> new HttpStatusException(401, "invalid_credentials", "wrong username or password"));
    Sessions.Opened s = sessions.open(user);
    ctx.cookie(cookie(ctx, s.cookie(), (int) Sessions.TTL.toSeconds()));
    ctx.json(me(user.username(), user.role(), s.csrfToken()));
  }

  private void logout(Context ctx) {
    String cookie = ctx.cookie(Authenticator.SESSION_COOKIE);
    if (cookie != null) {
      sessions.close(cookie);
    }
    ctx.cookie(cookie(ctx, "", 0));
    ctx.json(Map.of("logged_out", true));
  }

  private void me(Context ctx) {
    Caller caller = Authenticator.caller(ctx);
    String cookie = ctx.cookie(Authenticator.SESSION_COOKIE);
    String csrf =
        ctx.header("Authorization") == null && cookie != null
            ? sessions.find(cookie).map(s -> s.csrfToken()).orElse(null)
            : null;
    ctx.json(me(caller.subject(), caller.role(), csrf));
  }

  private void createUser(Context ctx) {
    JsonNode body = bodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String username = JsonBodies.requiredText(body, "username", problems);
    String password = JsonBodies.requiredText(body, "password", problems);
    String role = JsonBodies.requiredText(body, "role", problems);
    Role parsed = null;
    if (role != null) {
      try {
        parsed = Role.parse(role);
      } catch (IllegalArgumentException e) {
        problems.add("role (admin, agent or viewer)");
      }
    }
    JsonBodies.failIfAny(problems);
    ctx.status(201).json(view(users.create(username, password, parsed)));
  }

  private static Map<String, Object> view(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("username", u.username());
    m.put("role", u.role().wireName());
    m.put("created_at", u.createdAt());
    m.put("disabled", u.disabled());
    return m;
  }

  private static Map<String, Object> me(String username, Role role, String csrf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", username);
    m.put("role", role.wireName());
    m.put("csrf_token", csrf);
    return m;
  }

  private static Cookie cookie(Context ctx, String value, int maxAge) {
    boolean https =
        "https".equalsIgnoreCase(ctx.scheme())
            || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return new Cookie(Authenticator.SESSION_COOKIE, value, "/", maxAge, https, true, null, SameSite.STRICT);
  }
}
