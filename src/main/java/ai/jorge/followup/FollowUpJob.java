package ai.jorge.followup;

import ai.jorge.events.EventDrafts;
import ai.jorge.conversation.ConversationState;
import ai.jorge.conversation.Side;
import ai.jorge.crm.QuietHours;
import ai.jorge.events.Event;
import ai.jorge.events.EventLog;
import ai.jorge.store.ContactRow;
import ai.jorge.store.Contacts;
import ai.jorge.store.ConversationRow;
import ai.jorge.store.Conversations;
import ai.jorge.store.Messages;
import ai.jorge.store.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends due follow-ups; run by the cluster-safe scheduler every few seconds. Each follow-up is
 * handled in one transaction under the contact's conversation lock: re-read (a reply may have
 * cancelled it), re-checked (opt-out, takeover, booked appointment, CRM silence), deferred to the
 * next 08:00 when due in quiet hours (reason recorded, {@code jorge_outbound_blocked_total{reason=
 * "quiet_hours"}}), else written as an outbound message plus outbox row ({@code followup}) with the
 * next touch scheduled. A crash at any point leaves the follow-up either wholly sent or still due,
 * so each goes out once. Thread-safe.
 */
public final class FollowUpJob {
  /** How often the scheduler runs the job. */
  public static final Duration EVERY = Duration.ofSeconds(5);

  private static final int BATCH = 100;
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final EventLog events;
  private final FollowUps plans;
  private final FollowUpTexts texts;
  private final String agentName;
  private final ZoneId teamZone;
  private final Clock clock;
  private final Runnable afterSend;
  private final Counter quietHours;
  private final FollowUpStore store = new FollowUpStore();
  private final Conversations conversations = new Conversations();
  private final Contacts contacts = new Contacts();
  private final Messages messages = new Messages();
  private final Outbox outbox = new Outbox();

  public FollowUpJob(
      Jdbi jdbi,
      ObjectMapper json,
      EventLog events,
      FollowUps plans,
      FollowUpTexts texts,
      String agentName,
      ZoneId teamZone,
      Clock clock,
      MeterRegistry meters,
      Runnable afterSend) {
    this.jdbi = jdbi;
    this.json = json;
    this.events = events;
    this.plans = plans;
    this.texts = texts;
    this.agentName = agentName;
    this.teamZone = teamZone;
    this.clock = clock;
    this.afterSend = afterSend;
    this.quietHours = Counter.builder("jorge.outbound.blocked").tag("reason", "quiet_hours").register(meters);
    Gauge.builder("jorge.followups.due", this, FollowUpJob::dueNow).register(meters);
  }

  /** One pass over the follow-ups due now; answers how many were sent. */
  public int runOnce() {
    Instant now = clock.instant();
    int sent = 0;
    for (FollowUpRow row : jdbi.withHandle(h -> store.due(h, now, BATCH))) {
      EventDrafts drafts = new EventDrafts();
      List<Event> out = new ArrayList<>();
      boolean done =
          jdbi.inTransaction(
              h -> {
                boolean sentIt = handle(h, row, now, drafts);
                out.addAll(events.append(h, drafts));
                return sentIt;
              });
      events.publish(out);
      if (done) {
        sent++;
      }
    }
    if (sent > 0) {
      afterSend.run();
    }
    return sent;
  }

  private boolean handle(Handle h, FollowUpRow candidate, Instant now, EventDrafts out) {
    ConversationRow conv = conversations.lock(h, candidate.contactId());
    Optional<FollowUpRow> still = store.stillDue(h, candidate.id(), now);
    if (still.isEmpty()) {
      return false;
    }
    FollowUpRow row = still.get();
    ContactRow contact = contacts.find(h, row.contactId()).orElseThrow();
    ConversationState state = read(conv.state());
    Optional<String> blocker = FollowUps.blocker(state, conv.humanHold());
    if (blocker.isPresent()) {
      store.cancel(h, row.id(), blocker.get(), now);
      return false;
    }
    if (conv.silencedUntil() != null && now.isBefore(conv.silencedUntil())) {
      store.defer(h, row.id(), conv.silencedUntil(), "silenced after a person replied from the CRM", now);
      return false;
    }
    ZoneId zone = contact.timeZone() == null ? teamZone : ZoneId.of(contact.timeZone());
    Optional<ZonedDateTime> opening = QuietHours.deferral(now, zone);
    if (opening.isPresent()) {
      String why =
          "quiet hours: " + HM.format(now.atZone(zone)) + " in " + zone.getId() + " is outside 08:00-21:00;"
              + " deferred to " + opening.get().toOffsetDateTime();
      store.defer(h, row.id(), opening.get().toInstant(), why, now);
      quietHours.increment();
      return false;
    }
    Side focus = state.focus();
    String text =
        texts.render(
            focus == null ? null : focus.wireName(), state.asking(), Cadence.longTerm(row.attempt()),
            agentName, contact.name());
    long messageId =
        messages.insert(
            h,
            new Messages.NewMessage(
                contact.id(), "outbound", "bot", contact.channel(), null, text, false, now, now, now, null));
    outbox.enqueue(h, messageId, contact.id(), contact.channel(), "followup", text, "pending", now);
    store.markSent(h, row.id(), messageId, now);
    out.add(
        "conversations", "message.sent",
        FollowUps.data(contact, "message_id", messageId, "text", text, "bot", "followup"));
    out.add(
        "conversations", "followup.sent",
        FollowUps.data(contact, "followup_id", row.id(), "attempt", row.attempt(), "message_id", messageId));
    plans.schedule(h, contact, row.attempt() + 1, row.cadenceFrom(), now, out);
    return true;
  }

  private double dueNow() {
    try {
      return jdbi.withHandle(h -> store.countDue(h, clock.instant()));
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private ConversationState read(String text) {
    try {
      return json.readValue(text, ConversationState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored conversation state is unreadable", e);
    }
  }
}
