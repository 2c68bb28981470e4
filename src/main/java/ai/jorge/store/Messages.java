package ai.jorge.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Transcript rows. Inbound rows carry a unique dedupe key, the idempotency guarantee of §2.2. */
public final class Messages {
  private static final String COLUMNS =
      "id, contact_id, direction, author, channel, dedupe_key, body, truncated, provider_at,"
          + " received_at, processed_at, in_reply_to";

  /** A message to store; the id comes from the database. */
  public record NewMessage(
      String contactId,
      String direction,
      String author,
      String channel,
      String dedupeKey,
      String body,
      boolean truncated,
      Instant providerAt,
      Instant receivedAt,
      Instant processedAt,
      Long inReplyTo) {}

  private static final String INSERT =
      "INSERT INTO messages (contact_id, direction, author, channel, dedupe_key, body, truncated,"
          + " provider_at, received_at, processed_at, in_reply_to) VALUES (:contactId, :direction,"
          + " :author, :channel, :dedupeKey, :body, :truncated, :providerAt, :receivedAt,"
          + " :processedAt, :inReplyTo)";

  public long insert(Handle h, NewMessage m) {
    return h.createUpdate(INSERT)
        .bindMethods(m)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Inserts every message in one batch (one round trip) and returns their ids in order. A dedupe
   * key already stored fails the whole batch with the database's unique violation.
   */
  public List<Long> insertAll(Handle h, List<NewMessage> all) {
    PreparedBatch batch = h.prepareBatch(INSERT);
    for (NewMessage m : all) {
      batch.bindMethods(m).add();
    }
    return batch.executePreparedBatch("id").mapTo(Long.class).list();
  }

  /** The stored messages among {@code keys}, by dedupe key. */
  public Map<String, MessageRow> findByDedupeKeys(Handle h, Collection<String> keys) {
    return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE dedupe_key IN (<k>)")
        .bindList("k", List.copyOf(keys))
        .mapTo(MessageRow.class)
        .collect(Collectors.toMap(MessageRow::dedupeKey, m -> m));
  }

  public Optional<MessageRow> findByDedupeKey(Handle h, String key) {
    return h.createQuery("SELECT " + COLUMNS + " FROM messages WHERE dedupe_key = :k")
        .bind("k", key)
        .mapTo(MessageRow.class)
        .findOne();
  }

  /** Inbound messages of one contact not yet turned into a reply, oldest provider time first. */
  public List<MessageRow> unprocessed(Handle h, String contactId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM messages WHERE contact_id = :c AND direction = 'inbound'"
                + " AND processed_at IS NULL ORDER BY provider_at, id")
        .bind("c", contactId)
        .mapTo(MessageRow.class)
        .list();
  }

  /** Contacts with inbound messages left unprocessed since before {@code olderThan}. */
  public List<String> contactsWithUnprocessed(Handle h, Instant olderThan, int limit) {
    return h.createQuery(
            "SELECT DISTINCT contact_id FROM messages WHERE processed_at IS NULL AND direction ="
                + " 'inbound' AND received_at < :t LIMIT :n")
        .bind("t", olderThan)
        .bind("n", limit)
        .mapTo(String.class)
        .list();
  }

  public void markProcessed(Handle h, long id, Instant at) {
    h.createUpdate("UPDATE messages SET processed_at = :at WHERE id = :id")
        .bind("at", at)
        .bind("id", id)
        .execute();
  }

  public List<MessageRow> transcript(Handle h, String contactId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM messages WHERE contact_id = :c ORDER BY id")
        .bind("c", contactId)
        .mapTo(MessageRow.class)
        .list();
  }

  /** Bot replies caused by one inbound message, in the order they were written. */
  public List<MessageRow> repliesTo(Handle h, long inboundId) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM messages WHERE in_reply_to = :id ORDER BY id")
        .bind("id", inboundId)
        .mapTo(MessageRow.class)
        .list();
  }
}
