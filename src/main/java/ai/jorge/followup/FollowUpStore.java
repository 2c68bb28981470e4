package ai.jorge.followup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the {@code followups} table. Open rows are {@code pending} or {@code deferred}; every
 * change to one is a conditional update on its status, so two instances never both send it.
 * Stateless.
 */
final class FollowUpStore {
  private static final String COLUMNS =
      "id, contact_id, attempt, cadence_from, due_at, status, reason, deferred_reason,"
          + " cancelled_reason";
  private static final RowMapper<FollowUpRow> MAPPER =
      (rs, ctx) ->
          new FollowUpRow(
              rs.getLong("id"),
              rs.getString("contact_id"),
              rs.getInt("attempt"),
              rs.getObject("cadence_from", OffsetDateTime.class).toInstant(),
              rs.getObject("due_at", OffsetDateTime.class).toInstant(),
              rs.getString("status"),
              rs.getString("reason"),
              rs.getString("deferred_reason"),
              rs.getString("cancelled_reason"));

  long insert(Handle h, String contactId, int attempt, Instant cadenceFrom, Instant dueAt, String reason, Instant now) {
    return h.createUpdate(
            "INSERT INTO followups (contact_id, attempt, cadence_from, due_at, status, reason,"
                + " created_at, updated_at) VALUES (:c, :a, :from, :due, 'pending', :r, :now, :now)")
        .bind("c", contactId)
        .bind("a", attempt)
        .bind("from", cadenceFrom)
        .bind("due", dueAt)
        .bind("r", reason)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** Cancels every open follow-up of a contact; answers how many. */
  int cancelOpen(Handle h, String contactId, String why, Instant now) {
    return h.createUpdate(
            "UPDATE followups SET status = 'cancelled', cancelled_reason = :why, updated_at = :now"
                + " WHERE contact_id = :c AND status IN ('pending', 'deferred')")
        .bind("why", why)
        .bind("now", now)
        .bind("c", contactId)
        .execute();
  }

  /** Open follow-ups due at {@code now}, oldest due first. */
  List<FollowUpRow> due(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM followups WHERE status IN ('pending', 'deferred') AND"
                + " due_at <= :now ORDER BY due_at, id LIMIT :n")
        .bind("now", now)
        .bind("n", limit)
        .map(MAPPER)
        .list();
  }

  /** The row again, only while it is still open and due (read under the contact's lock). */
  Optional<FollowUpRow> stillDue(Handle h, long id, Instant now) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM followups WHERE id = :id AND status IN ('pending',"
                + " 'deferred') AND due_at <= :now")
        .bind("id", id)
        .bind("now", now)
        .map(MAPPER)
        .findOne();
  }

  boolean markSent(Handle h, long id, long messageId, Instant now) {
    return h.createUpdate(
                "UPDATE followups SET status = 'sent', message_id = :m, updated_at = :now WHERE id ="
                    + " :id AND status IN ('pending', 'deferred')")
            .bind("m", messageId)
            .bind("now", now)
            .bind("id", id)
            .execute()
        == 1;
  }

  void defer(Handle h, long id, Instant until, String why, Instant now) {
    h.createUpdate(
            "UPDATE followups SET status = 'deferred', due_at = :until, deferred_reason = :why,"
                + " updated_at = :now WHERE id = :id AND status IN ('pending', 'deferred')")
        .bind("until", until)
        .bind("why", why)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  void cancel(Handle h, long id, String why, Instant now) {
    h.createUpdate(
            "UPDATE followups SET status = 'cancelled', cancelled_reason = :why, updated_at = :now"
                + " WHERE id = :id AND status IN ('pending', 'deferred')")
        .bind("why", why)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  long countDue(Handle h, Instant now) {
    return h.createQuery(
            "SELECT COUNT(*) FROM followups WHERE status IN ('pending', 'deferred') AND due_at <="
                + " :now")
        .bind("now", now)
        .mapTo(Long.class)
        .one();
  }
}
