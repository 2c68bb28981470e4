package ai.jorge.dashboard;

import ai.jorge.web.Authenticator;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * The APIs the dashboard pages read: {@code GET /api/v1/dashboard/metrics} (alias {@code GET
 * /api/dashboard/metrics}), {@code GET /api/v1/leads} and {@code GET /api/v1/dashboard/system}.
 * Documented in {@code docs/api.md}.
 */
public final class DashboardRoutes implements RouteGroup {
  private final DashboardMetrics metrics;
  private final LeadList leads;
  private final SystemStatus system;

  public DashboardRoutes(DashboardMetrics metrics, SystemStatus system) {
    this.metrics = metrics;
    this.leads = new LeadList(metrics.jdbi(), metrics.tables());
    this.system = system;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/dashboard/metrics", ctx -> ctx.json(metrics.compute()), Role.VIEWER);
    routes.get("/api/dashboard/metrics", ctx -> ctx.json(metrics.compute()), Role.VIEWER);
    routes.get("/api/v1/leads", this::leads, Role.VIEWER);
    routes.get("/api/v1/dashboard/system", ctx -> ctx.json(system.status()), Role.VIEWER);
  }

  private void leads(Context ctx) {
    var q =
        LeadList.query(
            ctx.queryParam("temperature"),
            ctx.queryParam("bot"),
            ctx.queryParam("q"),
            ctx.queryParam("sort"),
            ctx.queryParam("page"),
            ctx.queryParam("size"));
    ctx.json(leads.page(q, Authenticator.caller(ctx).role() != Role.VIEWER));
  }
}
