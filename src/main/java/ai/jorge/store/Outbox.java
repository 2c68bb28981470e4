package ai.jorge.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The durable outbox: rows are written in the transaction that decided to send, then claimed and
 * delivered by the dispatcher. A claim is a conditional update, so two instances never deliver
 * the same row.
 */
public final class Outbox {
  private static final String COLUMNS =
      "id, message_id, contact_id, channel, kind, body, status, attempts, next_attempt_at,"
          + " last_error, created_at, sent_at, provider_message_id";

  public long enqueue(
      Handle h, long messageId, String contactId, String channel, String kind, String body,
      String status, Instant now) {
    return h.createUpdate(
            "INSERT INTO outbox (message_id, contact_id, channel, kind, body, status,"
                + " next_attempt_at, created_at) VALUES (:m, :c, :ch, :k, :b, :s, :now, :now)")
        .bind("m", messageId)
        .bind("c", contactId)
        .bind("ch", channel)
        .bind("k", kind)
        .bind("b", body)
        .bind("s", status)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  public List<OutboxRow> due(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM outbox WHERE status = 'pending' AND next_attempt_at <="
                + " :now ORDER BY id LIMIT :n")
        .bind("now", now)
        .bind("n", limit)
        .mapTo(OutboxRow.class)
        .list();
  }

  /**
   * Moves a pending row to {@code sending} for {@code instance}; false when another dispatcher
   * claimed it first or the provider already confirmed it.
   */
  public boolean claim(Handle h, long id, String instance, Instant now) {
    return h.createUpdate(
                "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at ="
                    + " :now, claimed_by = :by WHERE id = :id AND status = 'pending' AND"
                    + " provider_message_id IS NULL")
            .bind("id", id)
            .bind("now", now)
            .bind("by", instance)
            .execute()
        == 1;
  }

  public void finish(Handle h, long id, String status, String error, Instant at) {
    finish(h, id, status, error, null, at);
  }

  /** Ends a row's delivery; a sent row keeps the provider's message id as its receipt. */
  public void finish(
      Handle h, long id, String status, String error, String providerMessageId, Instant at) {
    h.createUpdate(
            "UPDATE outbox SET status = :s, last_error = COALESCE(:e, last_error), provider_message_id = :p, sent_at ="
                + " CASE WHEN :s = 'sent' THEN :at ELSE sent_at END WHERE id = :id")
        .bind("s", status)
        .bind("e", error)
        .bind("p", providerMessageId)
        .bind("at", at)
        .bind("id", id)
        .execute();
  }

  /**
   * Rows this instance id had claimed when its previous process died: a restarted instance with a
   * stable id takes them back at once instead of waiting for the claim to go stale.
   */
  public int releaseOwn(Handle h, String instance) {
    return h.createUpdate(
            "UPDATE outbox SET status = 'pending' WHERE status = 'sending' AND claimed_by = :by")
        .bind("by", instance)
        .execute();
  }

  public void retryLater(Handle h, long id, String error, Instant next) {
    h.createUpdate(
            "UPDATE outbox SET status = 'pending', last_error = :e, next_attempt_at = :next WHERE"
                + " id = :id")
        .bind("e", error)
        .bind("next", next)
        .bind("id", id)
        .execute();
  }

  /** Rows claimed by a dispatcher that died before finishing go back to pending. */
  public int releaseStale(Handle h, Instant claimedBefore) {
    return h.createUpdate(
            "UPDATE outbox SET status = 'pending' WHERE status = 'sending' AND next_attempt_at <"
                + " :t")
        .bind("t", claimedBefore)
        .execute();
  }

  public long pendingCount(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')")
        .mapTo(Long.class)
        .one();
  }

  public List<OutboxRow> forContact(Handle h, String contactId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE contact_id = :c ORDER BY id")
        .bind("c", contactId)
        .mapTo(OutboxRow.class)
        .list();
  }
}
