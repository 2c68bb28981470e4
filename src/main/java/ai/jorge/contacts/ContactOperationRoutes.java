package ai.jorge.contacts;

import ai.jorge.web.Authenticator;
import ai.jorge.web.Caller;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code GET /api/v1/contacts/export?reason=…} (CSV) and {@code DELETE /api/v1/contacts/{id}}
 * (reason in the JSON body or the query), both admin routes gated again by guard layer 4.
 */
public final class ContactOperationRoutes implements RouteGroup {
  private final ContactExport export;
  private final ContactDeletion deletion;
  private final JsonBodies bodies;

  public ContactOperationRoutes(ContactExport export, ContactDeletion deletion, JsonBodies bodies) {
    this.export = export;
    this.deletion = deletion;
    this.bodies = bodies;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/contacts/export", this::export, Role.ADMIN);
    routes.delete("/api/v1/contacts/{id}", this::delete, Role.ADMIN);
  }

  private void export(Context ctx) {
    Caller caller = Authenticator.caller(ctx);
    String csv = export.csv(caller.role().wireName(), ctx.queryParam("reason"));
    ctx.header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
        .header("Cache-Control", "no-store")
        .contentType("text/csv; charset=utf-8")
        .result(csv);
  }

  private void delete(Context ctx) {
    Caller caller = Authenticator.caller(ctx);
    String reason = ctx.queryParam("reason");
    byte[] raw = bodies.rawBody(ctx);
    if (raw.length > 0) {
      String fromBody = JsonBodies.optionalText(bodies.object(raw), "reason");
      reason = fromBody != null ? fromBody : reason;
    }
    ctx.json(deletion.delete(ctx.pathParam("id"), caller.subject(), caller.role().wireName(), reason));
  }
}
