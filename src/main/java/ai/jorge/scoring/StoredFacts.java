package ai.jorge.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Reads a stored lead's {@link LeadFacts} as of a time: only answers, messages, handoffs and
 * opt-outs recorded at or before it, and the side the lead was on at that time (the target of the
 * latest handoff to the seller or buyer bot). Message times are the provider's, answer times those
 * of the message that gave the answer. Stateless and thread-safe; runs on the caller's handle.
 */
final class StoredFacts {
  private static final Set<String> SIDES = Set.of("seller", "buyer");

  private final ObjectMapper json;
  private final ZoneId teamZone;

  StoredFacts(ObjectMapper json, ZoneId teamZone) {
    this.json = json;
    this.teamZone = teamZone;
  }

  /** The lead's facts as of {@code asOf}, or empty when the contact does not exist. */
  Optional<LeadFacts> read(Handle h, String contactId, Instant asOf) {
    Optional<Contact> contact =
        h.createQuery("SELECT channel, time_zone, created_at FROM contacts WHERE id = :c")
            .bind("c", contactId)
            .map(
                (rs, ctx) ->
                    new Contact(
                        rs.getString("channel"),
                        rs.getString("time_zone"),
                        rs.getTimestamp("created_at").toInstant()))
            .findOne();
    if (contact.isEmpty()) {
      return Optional.empty();
    }
    String side = "unknown";
    List<Instant> handoffs = new ArrayList<>();
    for (Hand hand : handoffs(h, contactId, asOf)) {
      if (SIDES.contains(hand.to())) {
        side = hand.to();
        if (SIDES.contains(hand.from())) {
          handoffs.add(hand.at());
        }
      }
    }
    return Optional.of(
        new LeadFacts(
            channel(contact.get().channel()),
            side,
            answers(h, contactId, side, asOf),
            messages(h, contactId, asOf),
            handoffs,
            optedOutAt(h, contactId, asOf),
            firstContact(h, contactId, contact.get().createdAt()),
            contact.get().timeZone() == null ? teamZone : ZoneId.of(contact.get().timeZone())));
  }

  /**
   * The time of the lead's last message at or before {@code at}: when the lead was last scored by a
   * turn, and so the scoring time of a training example labelled at {@code at}.
   */
  Optional<Instant> lastInboundAtOrBefore(Handle h, String contactId, Instant at) {
    return h.createQuery(
            "SELECT MAX(provider_at) FROM messages WHERE contact_id = :c AND direction = 'inbound'"
                + " AND provider_at <= :t")
        .bind("c", contactId)
        .bind("t", at)
        .mapTo(Instant.class)
        .findOne();
  }

  /**
   * Our channel vocabulary: SMS and WhatsApp are {@code sms}; CRM chat widgets and social
   * messengers are {@code live_chat}; anything else (e-mail, API) is {@code api}.
   */
  static String channel(String stored) {
    String c = stored == null ? "" : stored.toLowerCase(Locale.ROOT);
    return switch (c) {
      case "sms", "whatsapp" -> "sms";
      case "web_chat" -> "web_chat";
      case "live_chat", "livechat", "fb", "facebook", "ig", "instagram", "gmb" -> "live_chat";
      default -> "api";
    };
  }

  private record Contact(String channel, String timeZone, Instant createdAt) {}

  private record Hand(String from, String to, Instant at) {}

  private static List<Hand> handoffs(Handle h, String contactId, Instant asOf) {
    return h.createQuery(
            "SELECT from_bot, to_bot, at FROM handoffs WHERE contact_id = :c AND at <= :t"
                + " ORDER BY at, id")
        .bind("c", contactId)
        .bind("t", asOf)
        .map(
            (rs, ctx) ->
                new Hand(
                    rs.getString("from_bot"),
                    rs.getString("to_bot"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  /** The answers of the lead's side, or of both sides while it has none. */
  private List<LeadFacts.TimedAnswer> answers(
      Handle h, String contactId, String side, Instant asOf) {
    return h.createQuery(
            "SELECT answer_key, value_json, at FROM answer_history WHERE contact_id = :c"
                + " AND at <= :t AND (:any OR side = :s) ORDER BY at, id")
        .bind("c", contactId)
        .bind("t", asOf)
        .bind("any", !SIDES.contains(side))
        .bind("s", side)
        .map(
            (rs, ctx) ->
                new LeadFacts.TimedAnswer(
                    rs.getString("answer_key"),
                    value(rs.getString("value_json")),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  private static List<LeadFacts.TimedMessage> messages(Handle h, String contactId, Instant asOf) {
    return h.createQuery(
            "SELECT direction, body, provider_at FROM messages WHERE contact_id = :c AND"
                + " provider_at <= :t ORDER BY provider_at, id")
        .bind("c", contactId)
        .bind("t", asOf)
        .map(
            (rs, ctx) ->
                new LeadFacts.TimedMessage(
                    rs.getTimestamp("provider_at").toInstant(),
                    "inbound".equals(rs.getString("direction")),
                    rs.getString("body")))
        .list();
  }

  private static Instant optedOutAt(Handle h, String contactId, Instant asOf) {
    return h.createQuery(
            "SELECT opted_out, at FROM opt_out_history WHERE contact_id = :c AND at <= :t"
                + " ORDER BY at DESC, id DESC LIMIT 1")
        .bind("c", contactId)
        .bind("t", asOf)
        .map((rs, ctx) -> rs.getBoolean("opted_out") ? rs.getTimestamp("at").toInstant() : null)
        .findOne()
        .orElse(null);
  }

  /** The earlier of the contact's creation and its first message. */
  private static Instant firstContact(Handle h, String contactId, Instant createdAt) {
    Instant first =
        h.createQuery("SELECT MIN(provider_at) FROM messages WHERE contact_id = :c")
            .bind("c", contactId)
            .mapTo(Instant.class)
            .findOne()
            .orElse(null);
    return first != null && first.isBefore(createdAt) ? first : createdAt;
  }

  private Object value(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored answer is not JSON", e);
    }
  }
}
