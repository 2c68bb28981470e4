package ai.jorge.conversation;

import ai.jorge.web.Authenticator;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import io.javalin.router.JavalinDefaultRoutingApi;

/** Contact views and human takeover: {@code GET /api/v1/contacts/{id}}, takeover and release. */
public final class ContactRoutes implements RouteGroup {
  private final ContactViews views;

  public ContactRoutes(ContactViews views) {
    this.views = views;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get(
        "/api/v1/contacts/{id}",
        ctx -> ctx.json(views.view(ctx.pathParam("id"), Authenticator.caller(ctx).role() != Role.VIEWER)),
        Role.VIEWER);
    routes.post(
        "/api/v1/contacts/{id}/takeover",
        ctx -> ctx.json(views.setHumanHold(ctx.pathParam("id"), true)),
        Role.AGENT);
    routes.post(
        "/api/v1/contacts/{id}/release",
        ctx -> ctx.json(views.setHumanHold(ctx.pathParam("id"), false)),
        Role.AGENT);
  }
}
