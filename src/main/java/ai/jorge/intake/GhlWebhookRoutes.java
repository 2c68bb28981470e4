package ai.jorge.intake;

import ai.jorge.config.SignatureMode;
import ai.jorge.conversation.ConversationService;
import ai.jorge.conversation.Inbound;
import ai.jorge.conversation.Stored;
import ai.jorge.web.HttpStatusException;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.RateLimits;
import ai.jorge.web.RouteGroup;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/webhooks/ghl}: verifies the signature over the raw body before anything
 * parses it, limits the rate per location, stores the message durably (in a group commit, {@link
 * InboundCommitter}), acknowledges, and leaves the turn to {@link InboundWorker}.
 */
public final class GhlWebhookRoutes implements RouteGroup {
  private static final Logger log = LoggerFactory.getLogger(GhlWebhookRoutes.class);
  /** The longest value of each field that the store keeps (its column, less any prefix). */
  private static final Map<String, Integer> MAX_LENGTHS = maxLengths();
  private final ConversationService conversations;
  private final InboundCommitter committer;
  private final InboundWorker worker;
  private final SignatureVerifier verifier;
  private final SignatureMode mode;
  private final JsonBodies bodies;
  private final RateLimits limits;
  private final MeterRegistry meters;
  private final Clock clock;

  public GhlWebhookRoutes(
      ConversationService conversations,
      InboundCommitter committer,
      InboundWorker worker,
      SignatureVerifier verifier,
      SignatureMode mode,
      JsonBodies bodies,
      RateLimits limits,
      MeterRegistry meters,
      Clock clock) {
    this.limits = limits;
    this.conversations = conversations;
    this.committer = committer;
    this.worker = worker;
    this.verifier = verifier;
    this.mode = mode;
    this.bodies = bodies;
    this.meters = meters;
    this.clock = clock;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/webhooks/ghl", this::receive);
  }

  private void receive(Context ctx) {
    String outcome = "error";
    try {
      byte[] raw = bodies.rawBody(ctx);
      checkSignature(ctx, raw);
      JsonNode body = bodies.object(raw);
      String location = JsonBodies.optionalText(body, "locationId");
      limits.enforce(ctx, RateLimits.WEBHOOK_LOCATION, location == null ? "none" : location);
      Map<String, Object> answer = handle(body);
      outcome = (String) answer.get("status");
      ctx.json(answer);
    } catch (HttpStatusException e) {
      outcome = e.code();
      throw e;
    } finally {
      meters.counter("jorge.webhook.requests", "source", "ghl", "outcome", outcome).increment();
    }
  }

  private Map<String, Object> handle(JsonNode body) {
    String type = JsonBodies.optionalText(body, "type");
    if (!"InboundMessage".equals(type) && !"OutboundMessage".equals(type)) {
      return Map.of("status", "ignored", "reason", "type " + type + " is not a message");
    }
    List<String> problems = new ArrayList<>();
    String contactId = JsonBodies.requiredText(body, "contactId", problems);
    String messageId = JsonBodies.requiredText(body, "messageId", problems);
    JsonBodies.requiredText(body, "locationId", problems);
    String direction = JsonBodies.requiredText(body, "direction", problems);
    JsonNode text = body.get("body");
    if (text == null || !text.isTextual()) {
      problems.add("body");
    }
    Instant at = providerTime(body, problems);
    MAX_LENGTHS.forEach(
        (field, max) -> {
          String value = JsonBodies.optionalText(body, field);
          if (value != null && value.length() > max) {
            problems.add(field + " (longer than " + max + " characters)");
          }
        });
    JsonBodies.failIfAny(problems);
    var inbound =
        new Inbound(
            "ghl",
            contactId,
            channel(JsonBodies.optionalText(body, "messageType")),
            JsonBodies.optionalText(body, "conversationId"),
            messageId,
            text.asText(),
            at,
            name(body),
            JsonBodies.optionalText(body, "phone"),
            JsonBodies.optionalText(body, "email"),
            JsonBodies.optionalText(body, "locationId"));
    if ("outbound".equalsIgnoreCase(direction)) {
      if (JsonBodies.optionalText(body, "userId") == null) {
        return Map.of("status", "ignored", "message_id", messageId, "reason", "automated outbound");
      }
      Stored s = conversations.recordHumanReply(inbound);
      return answer(s, messageId);
    }
    if (text.asText().isBlank()) {
      return Map.of("status", "ignored", "message_id", messageId, "reason", "no text");
    }
    Stored s = committer.store(inbound);
    if (!s.duplicate()) {
      worker.submit(s.contactId());
    }
    return answer(s, messageId);
  }

  private static Map<String, Object> answer(Stored s, String messageId) {
    return Map.of("status", s.duplicate() ? "duplicate" : "accepted", "message_id", messageId);
  }

  private void checkSignature(Context ctx, byte[] raw) {
    if (mode == SignatureMode.OFF) {
      return;
    }
    var outcome =
        verifier.verify(raw, ctx.header("X-GHL-Signature"), ctx.header("X-Jorge-Signature"));
    if (outcome == SignatureVerifier.Outcome.VALID) {
      return;
    }
    meters
        .counter("jorge.webhook.signature.failures", "reason", outcome.name().toLowerCase(Locale.ROOT))
        .increment();
    if (mode == SignatureMode.ENFORCE) {
      throw new HttpStatusException(
          401, "invalid_signature",
          outcome == SignatureVerifier.Outcome.MISSING
              ? "webhook is not signed"
              : "webhook signature does not verify");
    }
    log.warn("webhook signature {} accepted in shadow mode", outcome);
  }

  private Instant providerTime(JsonNode body, List<String> problems) {
    String raw = JsonBodies.optionalText(body, "dateAdded");
    if (raw == null) {
      return clock.instant();
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      problems.add("dateAdded (not an ISO-8601 instant)");
      return null;
    }
  }

  private static Map<String, Integer> maxLengths() {
    Map<String, Integer> max = new LinkedHashMap<>();
    max.put("contactId", 128);
    max.put("messageId", 196);
    max.put("conversationId", 128);
    max.put("locationId", 64);
    max.put("messageType", 32);
    max.put("contactName", 200);
    max.put("fullName", 200);
    max.put("phone", 40);
    max.put("email", 200);
    return max;
  }

  private static String name(JsonNode body) {
    String n = JsonBodies.optionalText(body, "contactName");
    return n != null ? n : JsonBodies.optionalText(body, "fullName");
  }

  private static String channel(String messageType) {
    if (messageType == null) {
      return "sms";
    }
    return messageType.toLowerCase(Locale.ROOT).replace("type_", "");
  }
}
