package ai.jorge.conversation;

import ai.jorge.NotFoundException;
import ai.jorge.crm.Calendar;
import ai.jorge.events.Event;
import ai.jorge.events.EventDrafts;
import ai.jorge.events.EventLog;
import ai.jorge.guard.Guard;
import ai.jorge.store.ContactRow;
import ai.jorge.store.ConversationRow;
import ai.jorge.store.Contacts;
import ai.jorge.store.Conversations;
import ai.jorge.store.MessageRow;
import ai.jorge.store.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs conversation turns against storage: stores each inbound message durably (idempotent on its
 * provider id), then processes a contact's unprocessed messages one at a time in provider-time
 * order under the conversation row lock, so turns never interleave even across instances.
 * Thread-safe; owned by App.
 */
public final class ConversationService {
  private static final int SLOTS_TO_OFFER_FROM = 12;

  private final Jdbi jdbi;
  private final Contacts contacts = new Contacts();
  private final Conversations conversations = new Conversations();
  private final Messages messages = new Messages();
  private final EventLog events;
  private final ConversationEngine engine;
  private final StateCodec codec;
  private final Calendar calendar;
  private final TurnRecorder recorder;
  private final Clock clock;
  private final ZoneId teamZone;
  private final Duration silence;
  private final MeterRegistry meters;
  private final Runnable afterTurn;
  private final InboundStore inbox;
  private final List<TurnListener> listeners;

  public ConversationService(
      Jdbi jdbi,
      EventLog events,
      ConversationEngine engine,
      Calendar calendar,
      ObjectMapper json,
      Clock clock,
      ZoneId teamZone,
      Duration silence,
      MeterRegistry meters,
      List<TurnListener> listeners,
      Guard guard,
      int maxReplyChars,
      Runnable afterTurn) {
    this.jdbi = jdbi;
    this.events = events;
    this.engine = engine;
    this.calendar = calendar;
    this.codec = new StateCodec(json);
    this.clock = clock;
    this.teamZone = teamZone;
    this.silence = silence;
    this.meters = meters;
    this.afterTurn = afterTurn;
    this.listeners = List.copyOf(listeners);
    this.inbox = new InboundStore(jdbi, events, codec, clock, meters);
    this.recorder =
        new TurnRecorder(
            messages, new ai.jorge.store.Outbox(), meters, json,
            new ReplyGuard(guard, maxReplyChars));
  }

  /** Stores the message, runs the turn, and answers with what this message produced. */
  public TurnView converse(Inbound in) {
    return converse(in, ConversationState.initial());
  }

  /**
   * As {@link #converse(Inbound)}; a contact seen for the first time starts from {@code
   * firstState} (e.g. addressed straight to the seller bot).
   */
  public TurnView converse(Inbound in, ConversationState firstState) {
    Stored stored = store(in, firstState);
    processPending(stored.contactId());
    return view(stored);
  }

  /** A message for a contact known by our id (the authenticated contact-message API). */
  public TurnView converseAs(String contactId, String text, String clientMessageId) {
    ContactRow c =
        jdbi.withHandle(h -> contacts.find(h, contactId))
            .orElseThrow(() -> new NotFoundException("contact", contactId));
    String key = clientMessageId == null ? null : "api:" + contactId + ":" + clientMessageId;
    return converse(
        new Inbound(
            c.source(), c.externalId(), "api", null, key, text, clock.instant(), null, null, null,
            null));
  }

  /** Stores the inbound message durably; a second delivery of the same provider id is a no-op. */
  public Stored store(Inbound in) {
    return store(in, ConversationState.initial());
  }

  private Stored store(Inbound in, ConversationState firstState) {
    return inbox.store(in, firstState);
  }

  /**
   * Stores several inbound messages in one group commit, in order; a second delivery of a
   * provider id is a duplicate. Throws, storing none of them, when the batch cannot commit.
   */
  public List<Stored> storeAll(List<Inbound> all) {
    return inbox.storeAll(all);
  }

  /** Processes every unprocessed inbound message of a contact, oldest provider time first. */
  public void processPending(String contactId) {
    List<Event> published =
        jdbi.inTransaction(
            h -> {
              EventDrafts drafts = new EventDrafts();
              processLocked(h, contactId, drafts);
              return events.append(h, drafts);
            });
    if (!published.isEmpty()) {
      events.publish(published);
      afterTurn.run();
    }
  }

  private void processLocked(Handle h, String contactId, EventDrafts published) {
    long waitStart = System.nanoTime();
    ConversationRow row = conversations.lock(h, contactId);
    Timer.builder("jorge.conversation.lock.wait")
        .publishPercentileHistogram()
        .register(meters)
        .record(Duration.ofNanos(System.nanoTime() - waitStart));
    List<MessageRow> pending = messages.unprocessed(h, contactId);
    if (pending.isEmpty()) {
      return;
    }
    ContactRow contact = contacts.find(h, contactId).orElseThrow();
    ZoneId zone = contact.timeZone() == null ? teamZone : ZoneId.of(contact.timeZone());
    Instant now = clock.instant();
    List<ZonedDateTime> slots = calendar.openSlots(now, SLOTS_TO_OFFER_FROM);
    boolean silenced =
        row.humanHold() || (row.silencedUntil() != null && now.isBefore(row.silencedUntil()));
    ConversationState state = codec.read(row.state());
    Instant lastInbound = row.lastInboundAt();
    ConversationState before = state;
    List<TurnResult> results = new ArrayList<>();
    for (MessageRow m : pending) {
      long started = System.nanoTime();
      TurnResult r = engine.handle(state, m.body(), new TurnContext(now, zone, slots, silenced));
      recorder.record(h, contact, row.id(), m, state, r, zone, now, published);
      messages.markProcessed(h, m.id(), now);
      Timer.builder("jorge.message.processing")
          .tag("bot", Qualification.wire(state.bot()))
          .publishPercentileHistogram()
          .register(meters)
          .record(Duration.ofNanos(System.nanoTime() - started));
      state = r.state();
      results.add(r);
      if (lastInbound == null || m.providerAt().isAfter(lastInbound)) {
        lastInbound = m.providerAt();
      }
    }
    TurnBatch batch = new TurnBatch(contact, zone, before, results, lastInbound, now, row.humanHold());
    Temperature temperature = state.activeTemperature();
    conversations.update(
        h,
        new ConversationRow(
            contactId, row.id(), row.version(), Qualification.wire(state.bot()),
            temperature == null ? null : temperature.name(), state.optedOut(), row.humanHold(),
            row.silencedUntil(), codec.write(state), lastInbound, now));
    // Listeners run after the state is written, so those that read it back (scoring) see it.
    for (TurnListener l : listeners) {
      l.afterTurns(h, batch, published);
    }
  }

  /** The response for one stored message: its replies and the conversation as it stands now. */
  public TurnView view(Stored stored) {
    return jdbi.withHandle(
        h -> {
          ConversationRow row = conversations.find(h, stored.contactId()).orElseThrow();
          ConversationState state = codec.read(row.state());
          List<TurnView.ReplyText> replies =
              messages.repliesTo(h, stored.messageId()).stream()
                  .map(m -> new TurnView.ReplyText(m.body()))
                  .toList();
          Temperature t = state.activeTemperature();
          return new TurnView(
              stored.contactId(),
              row.id(),
              row.humanHold() ? "human" : Qualification.wire(state.bot()),
              replies.isEmpty() ? null : state.asking(),
              replies,
              t == null ? null : t.name(),
              Qualification.of(state),
              stored.duplicate(),
              stored.truncated());
        });
  }

  /**
   * A person on the team wrote to the lead from the CRM: stored in the transcript, and the bots
   * stay quiet for the configured silence period.
   */
  public Stored recordHumanReply(Inbound in) {
    Instant now = clock.instant();
    ContactRow contact = inbox.findOrCreateContact(in, now, ConversationState.initial());
    String key = InboundStore.dedupeKey(in);
    if (key != null) {
      Optional<MessageRow> existing = jdbi.withHandle(h -> messages.findByDedupeKey(h, key));
      if (existing.isPresent()) {
        return new Stored(contact.id(), existing.get().id(), true, existing.get().truncated());
      }
    }
    Instant until = now.plus(silence);
    List<Event> out = new ArrayList<>();
    long id =
        jdbi.inTransaction(
            h -> {
              conversations.lock(h, contact.id());
              long mid =
                  messages.insert(
                      h,
                      new Messages.NewMessage(
                          contact.id(), "outbound", "human", in.channel(), key, in.storedText(),
                          in.tooLong(), in.providerAt(), now, now, null));
              conversations.silenceUntil(h, contact.id(), until);
              out.add(
                  events.append(
                      h, "conversations", "message.sent",
                      TurnRecorder.data(contact.id(), contact, "message_id", mid, "text",
                          in.storedText(), "author", "human")));
              out.add(
                  events.append(
                      h, "conversations", "human.takeover",
                      TurnRecorder.data(contact.id(), contact, "reason", "crm_reply", "until",
                          until.toString())));
              return mid;
            });
    events.publish(out);
    return new Stored(contact.id(), id, false, in.tooLong());
  }

  /** Contacts left with unprocessed messages (a crash between ack and turn); for recovery. */
  public List<String> contactsNeedingRecovery(Duration olderThan) {
    Instant cutoff = clock.instant().minus(olderThan);
    return jdbi.withHandle(h -> messages.contactsWithUnprocessed(h, cutoff, 100));
  }
}
