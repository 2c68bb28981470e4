package ai.jorge.dashboard;

import ai.jorge.web.RouteGroup;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the dashboard pages and their scripts from the classpath ({@code public/}) and the
 * WebJars assets ({@code /webjars/...} from {@code META-INF/resources/webjars/}): no front-end
 * server, no build step. Pages carry a strict Content-Security-Policy. Thread-safe; files are
 * cached after the first read (they are inside the jar and never change).
 */
public final class StaticAssets implements RouteGroup {
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/-]+");
  private static final Map<String, String> PAGES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/leads.html", "leads.html",
          "/conversation.html", "conversation.html",
          "/model.html", "model.html",
          "/system.html", "system.html",
          "/login.html", "login.html",
          "/chat", "chat.html");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "map", "application/json");
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'self'";
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    PAGES.forEach((path, file) -> routes.get(path, ctx -> serve(ctx, "public/" + file, false)));
    routes.get("/assets/<path>", ctx -> serve(ctx, "public/assets/" + ctx.pathParam("path"), false));
    routes.get(
        "/webjars/<path>",
        ctx -> serve(ctx, "META-INF/resources/webjars/" + ctx.pathParam("path"), true));
  }

  private void serve(Context ctx, String resource, boolean immutable) {
    if (!SAFE_PATH.matcher(resource).matches() || resource.contains("..")) {
      ctx.status(404).result("");
      return;
    }
    byte[] body = cache.get(resource);
    if (body == null) {
      body = read(resource);
      if (body.length > 0) {
        cache.put(resource, body);
      }
    }
    if (body.length == 0) {
      ctx.status(404).json(Map.of("error", Map.of("code", "not_found", "message", "no such file")));
      return;
    }
    String ext = resource.substring(resource.lastIndexOf('.') + 1);
    ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if ("html".equals(ext)) {
      ctx.header("Content-Security-Policy", CSP);
      ctx.header("X-Frame-Options", "DENY");
    }
    ctx.result(body);
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
