package ai.jorge.conversation;

import ai.jorge.events.Event;
import ai.jorge.events.EventLog;
import ai.jorge.store.ContactRow;
import ai.jorge.store.ConversationRow;
import ai.jorge.store.Contacts;
import ai.jorge.store.Conversations;
import ai.jorge.store.MessageRow;
import ai.jorge.store.Messages;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Durable storage of inbound messages, the part of intake the provider waits for: finds or creates
 * the contact and inserts the message, idempotent on the provider's message id.
 */
final class InboundStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  private final Contacts contacts = new Contacts();
  private final Conversations conversations = new Conversations();
  private final Messages messages = new Messages();
  private final EventLog events;
  private final StateCodec codec;
  private final Clock clock;
  private final MeterRegistry meters;

  InboundStore(Jdbi jdbi, EventLog events, StateCodec codec, Clock clock, MeterRegistry meters) {
    this.jdbi = jdbi;
    this.events = events;
    this.codec = codec;
    this.clock = clock;
    this.meters = meters;
  }

  /**
   * One message on one pooled connection and, for a known contact with nothing new to record
   * about it, two statements: find the contact, insert the message. No look-up of the dedupe key
   * first: the unique key answers "seen before?" in the insert itself.
   */
  Stored store(Inbound in, ConversationState firstState) {
    Instant now = clock.instant();
    String key = dedupeKey(in);
    Optional<Stored> known =
        jdbi.withHandle(
            h ->
                contacts
                    .findByExternal(h, in.source(), in.externalId())
                    .map(c -> insertOne(h, c, in, key, now)));
    if (known.isPresent()) {
      return known.get();
    }
    ContactRow contact = createContact(in, now, firstState);
    return jdbi.withHandle(h -> insertOne(h, contact, in, key, now));
  }

  /**
   * Several messages in one group commit: one look-up of their contacts, one of their dedupe keys,
   * one batched insert and one commit, however many messages. Results come in the order given; a
   * key repeated within the list is a duplicate of its first occurrence. Throws, storing nothing
   * of the batch, when any statement fails (say another instance stored one of the keys in
   * between); contacts created on the way stay, as they would for a single message.
   */
  List<Stored> storeAll(List<Inbound> all) {
    Instant now = clock.instant();
    Map<String, ContactRow> byExternal = new HashMap<>();
    jdbi.useHandle(
        h -> {
          Map<String, Set<String>> wanted = new HashMap<>();
          for (Inbound in : all) {
            wanted.computeIfAbsent(in.source(), s -> new LinkedHashSet<>()).add(in.externalId());
          }
          wanted.forEach(
              (source, ids) ->
                  contacts.findByExternals(h, source, ids).forEach(c -> byExternal.put(external(c), c)));
        });
    for (Inbound in : all) {
      byExternal.computeIfAbsent(
          external(in), k -> createContact(in, now, ConversationState.initial()));
    }
    return jdbi.inTransaction(h -> insertAll(h, all, byExternal, now));
  }

  private List<Stored> insertAll(
      Handle h, List<Inbound> all, Map<String, ContactRow> byExternal, Instant now) {
    List<String> keys = all.stream().map(InboundStore::dedupeKey).filter(Objects::nonNull).toList();
    Map<String, MessageRow> seen = keys.isEmpty() ? Map.of() : messages.findByDedupeKeys(h, keys);
    // Position in `fresh` of the message inserted for each key in this batch.
    Map<String, Integer> insertedAt = new HashMap<>();
    List<Messages.NewMessage> fresh = new ArrayList<>();
    int[] freshIndex = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Inbound in = all.get(i);
      String key = dedupeKey(in);
      freshIndex[i] = -1;
      if (key != null && (seen.containsKey(key) || insertedAt.containsKey(key))) {
        continue;
      }
      ContactRow contact = byExternal.get(external(in));
      if (tellsSomethingNew(contact, in)) {
        contacts.enrich(h, contact.id(), in.name(), in.phone(), in.email(), in.channel());
        byExternal.put(external(in), enriched(contact, in));
      }
      freshIndex[i] = fresh.size();
      if (key != null) {
        insertedAt.put(key, fresh.size());
      }
      fresh.add(newMessage(contact, in, key, now));
    }
    List<Long> ids = fresh.isEmpty() ? List.of() : messages.insertAll(h, fresh);
    List<Stored> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      Inbound in = all.get(i);
      String contactId = byExternal.get(external(in)).id();
      if (freshIndex[i] >= 0) {
        out.add(new Stored(contactId, ids.get(freshIndex[i]), false, in.tooLong()));
        continue;
      }
      meters.counter("jorge.webhook.duplicates").increment();
      MessageRow earlier = seen.get(dedupeKey(in));
      if (earlier != null) {
        out.add(new Stored(contactId, earlier.id(), true, earlier.truncated()));
      } else {
        int first = insertedAt.get(dedupeKey(in));
        out.add(new Stored(contactId, ids.get(first), true, fresh.get(first).truncated()));
      }
    }
    return out;
  }

  /** The contact a message comes from, created when it is new. */
  ContactRow findOrCreateContact(Inbound in, Instant now, ConversationState initial) {
    return jdbi.withHandle(h -> contacts.findByExternal(h, in.source(), in.externalId()))
        .orElseGet(() -> createContact(in, now, initial));
  }

  static String dedupeKey(Inbound in) {
    return in.dedupeKey() == null ? null : in.source() + ":" + in.dedupeKey();
  }

  private Stored insertOne(Handle h, ContactRow contact, Inbound in, String key, Instant now) {
    if (tellsSomethingNew(contact, in)) {
      contacts.enrich(h, contact.id(), in.name(), in.phone(), in.email(), in.channel());
    }
    try {
      long id = messages.insert(h, newMessage(contact, in, key, now));
      return new Stored(contact.id(), id, false, in.tooLong());
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e) && key != null) {
        MessageRow row = messages.findByDedupeKey(h, key).orElseThrow(() -> e);
        meters.counter("jorge.webhook.duplicates").increment();
        return new Stored(contact.id(), row.id(), true, row.truncated());
      }
      throw e;
    }
  }

  private static Messages.NewMessage newMessage(
      ContactRow contact, Inbound in, String key, Instant now) {
    return new Messages.NewMessage(
        contact.id(), "inbound", "lead", in.channel(), key, in.storedText(), in.tooLong(),
        in.providerAt(), now, null, null);
  }

  /** True when the message fills a gap in the contact's details or arrives on another channel. */
  private static boolean tellsSomethingNew(ContactRow c, Inbound in) {
    return (c.name() == null && in.name() != null)
        || (c.phone() == null && in.phone() != null)
        || (c.email() == null && in.email() != null)
        || !Objects.equals(c.channel(), in.channel());
  }

  /** The contact as {@code Contacts.enrich} leaves it: gaps filled, the latest channel. */
  private static ContactRow enriched(ContactRow c, Inbound in) {
    return new ContactRow(
        c.id(), c.source(), c.externalId(), in.channel(),
        c.name() != null ? c.name() : in.name(), c.phone() != null ? c.phone() : in.phone(),
        c.email() != null ? c.email() : in.email(), c.locationId(), c.timeZone(), c.createdAt());
  }

  /** Creates the contact the caller did not find; a concurrent creator's row wins. */
  private ContactRow createContact(Inbound in, Instant now, ConversationState initial) {
    ContactRow fresh =
        new ContactRow(
            "ct_" + HexFormat.of().formatHex(randomBytes(8)), in.source(), in.externalId(),
            in.channel(), in.name(), in.phone(), in.email(), in.locationId(), null, now);
    String conversationId =
        in.conversationId() != null ? in.conversationId() : "cv_" + fresh.id().substring(3);
    try {
      List<Event> created = new ArrayList<>();
      jdbi.useTransaction(
          h -> {
            contacts.insert(h, fresh);
            conversations.insert(
                h,
                new ConversationRow(
                    fresh.id(), conversationId, 0, Qualification.wire(initial.bot()), null, false,
                    false, null, codec.write(initial), null, now));
            created.add(
                events.append(
                    h, "leads", "lead.created",
                    TurnRecorder.data(
                        fresh.id(), fresh, "channel", fresh.channel(), "source", fresh.source())));
          });
      events.publish(created);
      return fresh;
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        return jdbi.withHandle(h -> contacts.findByExternal(h, in.source(), in.externalId()))
            .orElseThrow(() -> e);
      }
      throw e;
    }
  }

  private static String external(ContactRow c) {
    return c.source() + '\u0000' + c.externalId();
  }

  private static String external(Inbound in) {
    return in.source() + '\u0000' + in.externalId();
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
