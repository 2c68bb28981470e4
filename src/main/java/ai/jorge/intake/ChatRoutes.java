package ai.jorge.intake;

import ai.jorge.conversation.ConversationService;
import ai.jorge.conversation.Inbound;
import ai.jorge.web.HttpStatusException;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.OriginPolicy;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The website chat ({@code POST /api/v1/chat/messages}, public, Origin-checked) and the
 * authenticated contact-message API; both answer synchronously with the bot's replies.
 */
public final class ChatRoutes implements RouteGroup {
  private static final int MAX_ID = 128;
  private final ConversationService conversations;
  private final JsonBodies bodies;
  private final OriginPolicy origins;
  private final Clock clock;

  public ChatRoutes(
      ConversationService conversations, JsonBodies bodies, List<String> allowedOrigins, Clock clock) {
    this.conversations = conversations;
    this.bodies = bodies;
    this.origins = new OriginPolicy(allowedOrigins);
    this.clock = clock;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/chat/messages", this::chat);
    routes.post("/api/v1/contacts/{id}/messages", this::contactMessage, Role.AGENT);
  }

  private void chat(Context ctx) {
    checkOrigin(ctx);
    JsonNode body = bodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String session = JsonBodies.requiredText(body, "session_id", problems);
    String text = JsonBodies.requiredText(body, "text", problems);
    if (session != null && session.length() > MAX_ID) {
      problems.add("session_id (longer than " + MAX_ID + ")");
    }
    String clientId = JsonBodies.optionalText(body, "client_message_id");
    JsonBodies.failIfAny(problems);
    var inbound =
        new Inbound(
            "chat", session, "web_chat", null,
            clientId == null ? null : session + ":" + clientId, text, clock.instant(),
            JsonBodies.optionalText(body, "name"), JsonBodies.optionalText(body, "phone"),
            JsonBodies.optionalText(body, "email"), null);
    ctx.json(conversations.converse(inbound));
  }

  private void contactMessage(Context ctx) {
    JsonNode body = bodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String text = JsonBodies.requiredText(body, "text", problems);
    JsonBodies.failIfAny(problems);
    ctx.json(
        conversations.converseAs(
            ctx.pathParam("id"), text, JsonBodies.optionalText(body, "client_message_id")));
  }

  /** Browsers always send Origin on a cross-site POST; other clients are limited by rate only. */
  private void checkOrigin(Context ctx) {
    origins.check(ctx.header("Origin"), ctx.header("Host"));
  }
}
