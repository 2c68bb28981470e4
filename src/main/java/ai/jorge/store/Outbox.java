package ai.jorge.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The durable outbox: rows are written in the transaction that decided to send, then claimed and
 * delivered by the dispatcher. A claim locks the rows it takes and skips rows locked by another
 * claim, so two instances never deliver the same row.
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

  /**
   * Claims up to {@code limit} due rows for {@code instance} in one short transaction and returns
   * them as they were before the claim. Rows another dispatcher is claiming at the same moment are
   * skipped rather than waited for, so several instances share the backlog without blocking each
   * other or delivering a row twice; a row the provider already confirmed is never claimed.
   */
  public List<OutboxRow> claimDue(Handle h, String instance, Instant now, int limit) {
    return h.inTransaction(
        t -> {
          List<OutboxRow> rows =
              t.createQuery(
                      "SELECT " + COLUMNS + " FROM outbox WHERE status = 'pending' AND"
                          + " next_attempt_at <= :now AND provider_message_id IS NULL ORDER BY id"
                          + " LIMIT :n FOR UPDATE SKIP LOCKED")
                  .bind("now", now)
                  .bind("n", limit)
                  .mapTo(OutboxRow.class)
                  .list();
          if (!rows.isEmpty()) {
            t.createUpdate(
                    "UPDATE outbox SET status = 'sending', attempts = attempts + 1,"
                        + " next_attempt_at = :now, claimed_by = :by WHERE id IN (<ids>)")
                .bind("now", now)
                .bind("by", instance)
                .bindList("ids", rows.stream().map(OutboxRow::id).toList())
                .execute();
          }
          return rows;
        });
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
