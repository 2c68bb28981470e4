package ai.jorge.conversation;

import ai.jorge.events.EventDrafts;
import ai.jorge.store.ContactRow;
import ai.jorge.store.MessageRow;
import ai.jorge.store.Messages;
import ai.jorge.store.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what one engine turn decided, inside the turn's transaction: outbound messages and their
 * outbox rows, handoffs, appointments, the events, and every answer or opt-out that changed, with
 * the time of the message that changed it (scoring reads features as of a time from that history).
 * An opted-out contact gets nothing but the opt-out confirmation, whatever the engine returned.
 */
final class TurnRecorder {
  private static final Logger log = LoggerFactory.getLogger(TurnRecorder.class);
  private final ReplyGuard replyGuard;
  private final Messages messages;
  private final Outbox outbox;
  private final MeterRegistry meters;
  private final ObjectMapper json;

  TurnRecorder(
      Messages messages,
      Outbox outbox,
      MeterRegistry meters,
      ObjectMapper json,
      ReplyGuard replyGuard) {
    this.replyGuard = replyGuard;
    this.messages = messages;
    this.outbox = outbox;
    this.meters = meters;
    this.json = json;
  }

  void record(
      Handle h,
      ContactRow contact,
      String conversationId,
      MessageRow inbound,
      ConversationState before,
      TurnResult r,
      ZoneId zone,
      Instant now,
      EventDrafts out) {
    String cid = contact.id();
    recordHistory(h, cid, before, r.state(), inbound.providerAt());
    out.add("conversations",
            "message.received",
            data(cid, contact, "message_id", inbound.id(), "text", inbound.body(), "bot", wire(before.bot())));
    for (Reply reply : r.replies()) {
      boolean confirmation = reply.kind() == Reply.Kind.OPT_OUT_CONFIRMATION;
      if (r.state().optedOut() && !confirmation) {
        Counter.builder("jorge.outbound.blocked").tag("reason", "opted_out").register(meters).increment();
        continue;
      }
      var refused =
          replyGuard.refusal(
              contact, conversationId, inbound.channel(), reply, r.state().optedOut(),
              sentToday(h, cid, now, zone), zone, now);
      if (refused.isPresent()) {
        Counter.builder("jorge.outbound.blocked").tag("reason", refused.get()).register(meters).increment();
        log.warn("reply to contact {} refused by the guard ({})", cid, refused.get());
        continue;
      }
      long messageId =
          messages.insert(
              h,
              new Messages.NewMessage(
                  cid, "outbound", "bot", inbound.channel(), null, reply.text(), false, now, now, now,
                  inbound.id()));
      outbox.enqueue(h, messageId, cid, inbound.channel(), kind(reply), reply.text(), "pending", now);
      out.add("conversations",
              "message.sent",
              data(cid, contact, "message_id", messageId, "text", reply.text(), "bot", wire(r.state().bot())));
    }
    for (Handoff hand : r.handoffs()) {
      h.createUpdate(
              "INSERT INTO handoffs (contact_id, from_bot, to_bot, reason, confidence, at) VALUES"
                  + " (:c, :f, :t, :r, :conf, :at)")
          .bind("c", cid)
          .bind("f", wire(hand.from()))
          .bind("t", wire(hand.to()))
          .bind("r", hand.reason())
          .bind("conf", hand.confidence())
          .bind("at", hand.at())
          .execute();
      Counter.builder("jorge.bot.handoffs")
          .tag("from", wire(hand.from()))
          .tag("to", wire(hand.to()))
          .register(meters)
          .increment();
      out.add("conversations",
              "bot.handoff",
              data(cid, contact, "from", wire(hand.from()), "to", wire(hand.to()), "reason", hand.reason(),
                  "confidence", hand.confidence()));
    }
    if (r.optedOut() && !before.optedOut()) {
      Counter.builder("jorge.optouts").register(meters).increment();
      out.add("conversations", "contact.opted_out", data(cid, contact));
    }
    if (!r.offeredSlots().isEmpty()) {
      out.add("appointments",
              "appointment.offered",
              data(cid, contact, "slots", r.offeredSlots().stream().map(ZonedDateTime::toString).toList()));
    }
    if (r.booked() != null) {
      h.createUpdate(
              "INSERT INTO appointments (contact_id, starts_at, status, booked_at) VALUES (:c, :s,"
                  + " 'booked', :at)")
          .bind("c", cid)
          .bind("s", r.booked().start().toInstant())
          .bind("at", r.booked().bookedAt())
          .execute();
      out.add("appointments",
              "appointment.booked",
              data(cid, contact, "start", r.booked().start().toString()));
    }
    if (r.temperature() != r.previousTemperature() && r.temperature() != null) {
      Counter.builder("jorge.leads").tag("temperature", r.temperature().name()).register(meters).increment();
      out.add("leads",
              "lead.temperature_changed",
              data(cid, contact, "from", name(r.previousTemperature()), "to", r.temperature().name()));
    }
    if (r.turnedHot()) {
      out.add("leads", "lead.hot", hotAlert(cid, contact, r.state()));
    }
    out.add("leads",
            "lead.updated",
            data(cid, contact, "bot", wire(r.state().bot()), "temperature", name(r.temperature()),
                "asking", r.asking()));
  }

  private void recordHistory(
      Handle h, String cid, ConversationState before, ConversationState after, Instant at) {
    for (Side side : Side.values()) {
      Map<String, Object> was = answers(before.side(side));
      Map<String, Object> now = answers(after.side(side));
      for (var e : now.entrySet()) {
        if (!Objects.equals(was.get(e.getKey()), e.getValue())) {
          answer(h, cid, side, e.getKey(), e.getValue(), at);
        }
      }
      for (String key : was.keySet()) {
        if (!now.containsKey(key)) {
          answer(h, cid, side, key, null, at);
        }
      }
    }
    if (before.optedOut() != after.optedOut()) {
      h.createUpdate(
              "INSERT INTO opt_out_history (contact_id, opted_out, at) VALUES (:c, :o, :at)")
          .bind("c", cid)
          .bind("o", after.optedOut())
          .bind("at", at)
          .execute();
    }
  }

  private void answer(Handle h, String cid, Side side, String key, Object value, Instant at) {
    String text;
    try {
      text = value == null ? null : json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer is not serialisable", e);
    }
    h.createUpdate(
            "INSERT INTO answer_history (contact_id, side, answer_key, value_json, at) VALUES (:c,"
                + " :s, :k, :v, :at)")
        .bind("c", cid)
        .bind("s", side.wireName())
        .bind("k", key)
        .bind("v", text)
        .bind("at", at)
        .execute();
  }

  private static Map<String, Object> answers(SideState side) {
    return side == null ? Map.of() : side.answers();
  }

  private static int sentToday(Handle h, String contactId, Instant now, ZoneId zone) {
    Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    return h.createQuery(
            "SELECT COUNT(*) FROM messages WHERE contact_id = :c AND direction = 'outbound' AND"
                + " author = 'bot' AND received_at >= :since")
        .bind("c", contactId)
        .bind("since", dayStart)
        .mapTo(Integer.class)
        .one();
  }

  private static Map<String, Object> hotAlert(String cid, ContactRow contact, ConversationState s) {
    Map<String, Object> d = data(cid, contact, "bot", wire(s.bot()));
    d.put("qualification", Qualification.of(s));
    d.put("phone", contact.phone());
    d.put("email", contact.email());
    return d;
  }

  private static String kind(Reply reply) {
    return switch (reply.kind()) {
      case BOT -> "reply";
      case OPT_OUT_CONFIRMATION -> "opt_out_confirmation";
      case RESUBSCRIBED -> "resubscribed";
    };
  }

  static Map<String, Object> data(String contactId, ContactRow contact, Object... kv) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("contact_id", contactId);
    d.put("name", contact.name());
    for (int i = 0; i < kv.length; i += 2) {
      d.put((String) kv[i], kv[i + 1]);
    }
    return d;
  }

  private static String wire(Bot bot) {
    return Qualification.wire(bot);
  }

  private static String name(Temperature t) {
    return t == null ? null : t.name();
  }
}
