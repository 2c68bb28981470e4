package ai.jorge.web;

import ai.jorge.config.RateLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies the rate-limit tiers of SPEC §8 at the web edge and answers for them: the public chat
 * per client IP ({@link #clientIp}) and per session, the API per key (every authenticated route), login per account and per
 * IP; webhooks call {@link #enforce} per location once their signature verified. Every limited
 * response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code
 * RateLimit-Reset} (seconds) for its tightest tier; a refusal is 429 with {@code Retry-After} and
 * the error code {@code rate_limited}, counted in {@code jorge_ratelimit_rejections_total{tier}}.
 * A tier missing from the configuration is not limited. Thread-safe.
 */
public final class RateLimits implements RouteGroup {
  public static final String CHAT_IP = "chat_ip";
  public static final String CHAT_SESSION = "chat_session";
  public static final String WEBHOOK_LOCATION = "webhook_location";
  public static final String API_KEY = "api_key";
  public static final String LOGIN = "login";
  static final String CHAT_PATH = "/api/v1/chat/messages";
  static final String LOGIN_PATH = "/api/v1/auth/login";
  private static final String TIGHTEST = "jorge.ratelimit.tightest";
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.%]+");

  private final RateLimiter limiter;
  private final Map<String, RateLimit> tiers;
  private final ObjectMapper json;
  private final MeterRegistry meters;

  public RateLimits(
      RateLimiter limiter, Map<String, RateLimit> tiers, ObjectMapper json, MeterRegistry meters) {
    this.limiter = limiter;
    this.tiers = Map.copyOf(tiers);
    this.json = json;
    this.meters = meters;
  }

  /**
   * Registers the chat and login checks, and the per-key API check; {@link HttpServer} registers
   * groups after its authentication step, so the caller is known when this runs.
   */
  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.before(CHAT_PATH, this::chat);
    routes.before(LOGIN_PATH, this::login);
    routes.beforeMatched(this::apiKey);
  }

  private void chat(Context ctx) {
    if (ctx.method() != HandlerType.POST) {
      return;
    }
    enforce(ctx, CHAT_IP, clientIp(ctx));
    String session = bodyField(ctx, "session_id");
    if (session != null) {
      enforce(ctx, CHAT_SESSION, session);
    }
  }

  private void login(Context ctx) {
    if (ctx.method() != HandlerType.POST) {
      return;
    }
    enforce(ctx, LOGIN, "ip:" + clientIp(ctx));
    String account = bodyField(ctx, "username");
    if (account == null) {
      account = bodyField(ctx, "email");
    }
    if (account != null) {
      enforce(ctx, LOGIN, "account:" + account.strip().toLowerCase(Locale.ROOT));
    }
  }

  private void apiKey(Context ctx) {
    Caller caller = Authenticator.caller(ctx);
    if (caller != null) {
      enforce(ctx, API_KEY, caller.subject());
    }
  }

  /**
   * Takes one token of {@code tier} for {@code key}; sets the headers, and throws 429 when the
   * bucket is empty.
   */
  public void enforce(Context ctx, String tier, String key) {
    RateLimit limit = tiers.get(tier);
    if (limit == null) {
      return;
    }
    RateLimiter.Outcome o = limiter.consume(limit, key);
    RateLimiter.Outcome tightest = ctx.attribute(TIGHTEST);
    if (!o.allowed() || tightest == null || o.remaining() < tightest.remaining()) {
      ctx.attribute(TIGHTEST, o);
      ctx.header("RateLimit-Limit", Long.toString(o.limit()));
      ctx.header("RateLimit-Remaining", Long.toString(o.remaining()));
      ctx.header("RateLimit-Reset", Long.toString(o.resetSeconds()));
    }
    if (!o.allowed()) {
      meters.counter("jorge.ratelimit.rejections", "tier", tier).increment();
      ctx.header("Retry-After", Long.toString(o.retryAfterSeconds()));
      throw new HttpStatusException(
          429,
          "rate_limited",
          "too many requests (" + tier + "); retry in " + o.retryAfterSeconds() + " s");
    }
  }

  /**
   * The client's address: the TCP peer, or, when the peer is a proxy on this machine or a private
   * network (the nginx of {@code deploy/}), the address that proxy appended to {@code
   * X-Forwarded-For} (its last entry). A client reaching the App directly cannot choose its key.
   */
  static String clientIp(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank() || !isProxyAddress(peer)) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    String last = hops[hops.length - 1].strip();
    return last.isEmpty() ? peer : last;
  }

  private static boolean isProxyAddress(String literal) {
    if (literal == null || !IP_LITERAL.matcher(literal).matches()) {
      return false;
    }
    try {
      InetAddress a = InetAddress.getByName(literal);
      return a.isLoopbackAddress()
          || a.isSiteLocalAddress()
          || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * A top-level string field of a JSON body, or null. Javalin caches the body, so the route reads
   * it again; bodies over the size limit are left for the route to refuse.
   */
  private String bodyField(Context ctx, String field) {
    if (ctx.contentLength() > JsonBodies.MAX_BODY_BYTES) {
      return null;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0 || body.length > JsonBodies.MAX_BODY_BYTES) {
      return null;
    }
    try {
      JsonNode node = json.readTree(body);
      JsonNode v = node == null ? null : node.get(field);
      return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
