package ai.jorge.followup;

import ai.jorge.events.EventDrafts;
import ai.jorge.conversation.AppointmentStatus;
import ai.jorge.conversation.Bot;
import ai.jorge.conversation.ConversationState;
import ai.jorge.conversation.SideState;
import ai.jorge.conversation.TurnBatch;
import ai.jorge.conversation.TurnListener;
import ai.jorge.store.ContactRow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Plans follow-ups in the turn's transaction: any inbound message cancels the contact's open
 * follow-ups and, unless the lead may not get any (opted out, not interested, appointment booked,
 * held by a person, left for the agent), starts the cadence again from this message. Also decides,
 * at send time, whether a follow-up may still go out. Stateless and thread-safe.
 */
public final class FollowUps implements TurnListener {
  /** Two touches never go out less than this far apart, even after downtime. */
  static final Duration MIN_GAP = Duration.ofDays(1);

  private final FollowUpStore store = new FollowUpStore();

  @Override
  public void afterTurns(Handle h, TurnBatch batch, EventDrafts out) {
    ContactRow contact = batch.contact();
    Instant now = batch.now();
    store.cancelOpen(h, contact.id(), "the lead replied", now);
    if (blocker(batch.state(), batch.humanHold()).isEmpty()) {
      schedule(h, contact, 1, now, now, out);
    }
  }

  /** Why a contact may not get follow-ups right now; empty when it may. */
  static Optional<String> blocker(ConversationState s, boolean humanHold) {
    if (s.optedOut()) {
      return Optional.of("the lead opted out");
    }
    if (humanHold || s.bot() == Bot.HUMAN) {
      return Optional.of("a person holds the conversation");
    }
    if (s.appointment() != null || s.appointmentStatus() == AppointmentStatus.BOOKED) {
      return Optional.of("an appointment is booked");
    }
    SideState focus = s.focus() == null ? null : s.side(s.focus());
    if (s.notInterested() || (focus != null && focus.notInterested() && s.queued() == null)) {
      return Optional.of("the lead is not interested");
    }
    if (s.needsHuman()) {
      return Optional.of("left for the agent to call");
    }
    return Optional.empty();
  }

  /** Inserts follow-up {@code attempt} of the cadence counted from {@code from}; none past the last. */
  void schedule(Handle h, ContactRow contact, int attempt, Instant from, Instant now, EventDrafts out) {
    Optional<Instant> cadenceDue = Cadence.dueAt(from, attempt);
    if (cadenceDue.isEmpty()) {
      return;
    }
    Instant earliest = attempt == 1 ? now : now.plus(MIN_GAP);
    Instant due = cadenceDue.get().isBefore(earliest) ? earliest : cadenceDue.get();
    String reason = Cadence.reason(attempt);
    long id = store.insert(h, contact.id(), attempt, from, due, reason, now);
    out.add(
        "conversations", "followup.scheduled",
        data(contact, "followup_id", id, "attempt", attempt, "due_at", due.toString(), "reason", reason));
  }

  static Map<String, Object> data(ContactRow contact, Object... kv) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("contact_id", contact.id());
    d.put("name", contact.name());
    for (int i = 0; i < kv.length; i += 2) {
      d.put((String) kv[i], kv[i + 1]);
    }
    return d;
  }
}
