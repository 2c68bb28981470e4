package ai.jorge.web;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A feature's HTTP routes; {@link HttpServer} registers every group App hands it. */
@FunctionalInterface
public interface RouteGroup {
  void register(JavalinDefaultRoutingApi routes);
}
