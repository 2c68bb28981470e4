package ai.jorge.web;

import ai.jorge.ConflictException;
import ai.jorge.InvalidInputException;
import ai.jorge.JorgeException;
import ai.jorge.NotFoundException;
import ai.jorge.guard.OperationRefusedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception into a status code and the one JSON error body; nothing leaks a 500 page. */
final class ErrorMapping {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, 404, e, List.of()));
    routes.exception(InvalidInputException.class, (e, ctx) -> send(ctx, 400, e, e.details()));
    routes.exception(ConflictException.class, (e, ctx) -> send(ctx, 409, e, List.of()));
    routes.exception(HttpStatusException.class, (e, ctx) -> send(ctx, e.status(), e, List.of()));
    routes.exception(OperationRefusedException.class, (e, ctx) -> send(ctx, 403, e, List.of()));
    routes.exception(JorgeException.class, (e, ctx) -> send(ctx, 400, e, List.of()));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            ctx.status(e.getStatus())
                .json(ApiError.of(codeFor(e.getStatus()), e.getMessage(), List.of())));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
          ctx.status(500).json(ApiError.of("internal", "internal error", List.of()));
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            ctx.json(ApiError.of("not_found", "no route " + ctx.method() + " " + ctx.path(), List.of()));
          }
        });
    routes.error(
        405,
        ctx ->
            ctx.json(
                ApiError.of("method_not_allowed", ctx.method() + " not allowed here", List.of())));
  }

  private static void send(Context ctx, int status, JorgeException e, List<String> details) {
    ctx.status(status).json(ApiError.of(e.code(), e.getMessage(), details));
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 413 -> "payload_too_large";
      case 429 -> "rate_limited";
      default -> "http_" + status;
    };
  }
}
