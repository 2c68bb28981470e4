package ai.jorge.intake;

import ai.jorge.conversation.ConversationService;
import ai.jorge.conversation.ConversationState;
import ai.jorge.conversation.Inbound;
import ai.jorge.conversation.Side;
import ai.jorge.web.Authenticator;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/bots/jorge-seller} and {@code /api/bots/jorge-buyer}: the original plan's bot
 * endpoints (SPEC §12) as thin aliases of the chat API, addressed straight to one bot. Body
 * {@code {"message", "contact_id"?, "session_id"?}}; a session is made when neither is given.
 * Continuing a contact by id needs an agent's API key, like the contact-message API.
 */
public final class BotAliasRoutes implements RouteGroup {
  private final ConversationService conversations;
  private final JsonBodies bodies;
  private final Authenticator auth;
  private final Clock clock;

  public BotAliasRoutes(
      ConversationService conversations, JsonBodies bodies, Authenticator auth, Clock clock) {
    this.conversations = conversations;
    this.bodies = bodies;
    this.auth = auth;
    this.clock = clock;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/bots/jorge-seller", ctx -> answer(ctx, Side.SELLER));
    routes.post("/api/bots/jorge-buyer", ctx -> answer(ctx, Side.BUYER));
  }

  private void answer(Context ctx, Side side) {
    JsonNode body = bodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String message = JsonBodies.requiredText(body, "message", problems);
    JsonBodies.failIfAny(problems);
    String contactId = JsonBodies.optionalText(body, "contact_id");
    if (contactId != null) {
      // Continuing a known contact reveals its qualification: that needs an agent's key.
      auth.require(ctx, Role.AGENT);
      ctx.json(conversations.converseAs(contactId, message, null));
      return;
    }
    String session = JsonBodies.optionalText(body, "session_id");
    if (session == null) {
      session = "bot-" + UUID.randomUUID();
    }
    ctx.json(
        conversations.converse(
            new Inbound("chat", session, "web_chat", null, null, message, clock.instant(), null, null, null, null),
            ConversationState.addressedTo(side)));
  }
}
