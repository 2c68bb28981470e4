package ai.jorge.conversation;

import ai.jorge.NotFoundException;
import ai.jorge.events.EventLog;
import ai.jorge.store.ContactRow;
import ai.jorge.store.ConversationRow;
import ai.jorge.store.Contacts;
import ai.jorge.store.Conversations;
import ai.jorge.store.MessageRow;
import ai.jorge.store.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The contact view of SPEC §2.1 (state, answers, transcript, handoffs) and the human takeover
 * switch. Viewers see only a first name, never phone, email or full name.
 */
public final class ContactViews {
  private final Jdbi jdbi;
  private final Contacts contacts = new Contacts();
  private final Conversations conversations = new Conversations();
  private final Messages messages = new Messages();
  private final StateCodec codec;
  private final EventLog events;
  private final Clock clock;
  private final Function<String, Object> latestScore;

  /**
   * @param latestScore the contact's latest model score as its API view, or null when never scored
   */
  public ContactViews(
      Jdbi jdbi,
      ObjectMapper json,
      EventLog events,
      Clock clock,
      Function<String, Object> latestScore) {
    this.jdbi = jdbi;
    this.codec = new StateCodec(json);
    this.events = events;
    this.clock = clock;
    this.latestScore = latestScore;
  }

  public Map<String, Object> view(String contactId, boolean withDetails) {
    return jdbi.withHandle(
        h -> {
          ContactRow c =
              contacts.find(h, contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
          ConversationRow row = conversations.find(h, contactId).orElseThrow();
          ConversationState state = codec.read(row.state());
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("id", c.id());
          v.put("name", withDetails ? c.name() : firstName(c.name()));
          if (withDetails) {
            v.put("phone", c.phone());
            v.put("email", c.email());
          }
          v.put("channel", c.channel());
          v.put("bot", row.humanHold() ? "human" : Qualification.wire(state.bot()));
          Temperature t = state.activeTemperature();
          v.put("temperature", t == null ? null : t.name());
          v.put("asking", state.asking());
          v.put("qualification", Qualification.of(state));
          v.put("human_hold", row.humanHold());
          v.put("silenced_until", row.silencedUntil());
          v.put("transcript", messages.transcript(h, contactId).stream().map(ContactViews::line).toList());
          v.put("handoffs", handoffs(h, contactId));
          v.put("followups", followups(h, contactId));
          v.put("score", latestScore.apply(contactId));
          return v;
        });
  }

  /** Puts a person in charge of the contact (the bots go quiet) or hands it back to the bots. */
  public Map<String, Object> setHumanHold(String contactId, boolean hold) {
    Instant now = clock.instant();
    var event =
        jdbi.inTransaction(
            h -> {
              ContactRow c =
                  contacts.find(h, contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
              conversations.lock(h, contactId);
              conversations.setHumanHold(h, contactId, hold, now);
              if (!hold) {
                conversations.silenceUntil(h, contactId, null);
              }
              return events.append(
                  h, "conversations", hold ? "human.takeover" : "human.released",
                  TurnRecorder.data(contactId, c, "reason", "agent"));
            });
    events.publish(List.of(event));
    return Map.of("contact_id", contactId, "human_hold", hold);
  }

  private static List<Map<String, Object>> handoffs(org.jdbi.v3.core.Handle h, String contactId) {
    return h.createQuery(
            "SELECT from_bot, to_bot, reason, confidence, at FROM handoffs WHERE contact_id = :c"
                + " ORDER BY at, id")
        .bind("c", contactId)
        .map(
            (rs, ctx) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("from", rs.getString("from_bot"));
              m.put("to", rs.getString("to_bot"));
              m.put("reason", rs.getString("reason"));
              m.put("confidence", rs.getDouble("confidence"));
              m.put("at", rs.getTimestamp("at").toInstant());
              return m;
            })
        .list();
  }

  private static List<Map<String, Object>> followups(org.jdbi.v3.core.Handle h, String contactId) {
    return h.createQuery(
            "SELECT attempt, due_at, status, reason, deferred_reason, cancelled_reason FROM followups"
                + " WHERE contact_id = :c ORDER BY id")
        .bind("c", contactId)
        .map(
            (rs, ctx) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              String status = rs.getString("status");
              String deferred = rs.getString("deferred_reason");
              String cancelled = rs.getString("cancelled_reason");
              m.put("due_at", rs.getObject("due_at", java.time.OffsetDateTime.class).toInstant());
              m.put("status", status);
              m.put(
                  "reason",
                  switch (status) {
                    case "deferred" -> deferred;
                    case "cancelled" -> cancelled;
                    default -> rs.getString("reason");
                  });
              m.put("attempt", rs.getInt("attempt"));
              m.put("cadence", rs.getString("reason"));
              if (deferred != null) {
                m.put("deferred_reason", deferred);
              }
              return m;
            })
        .list();
  }

  private static Map<String, Object> line(MessageRow m) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("direction", m.direction());
    l.put("author", m.author());
    l.put("text", m.body());
    l.put("at", "inbound".equals(m.direction()) ? m.providerAt() : m.receivedAt());
    if (m.truncated()) {
      l.put("truncated", true);
    }
    return l;
  }

  static String firstName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return name.trim().split("\\s+")[0];
  }
}
