package ai.jorge.crm;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The durable queue of CRM calls ({@code crm_tasks}): written in the transaction of the turn that
 * caused them, then claimed by {@link CrmTaskDispatcher} with conditional updates, so a task runs
 * on one instance at a time and survives restarts. Stateless.
 */
public final class CrmTasks {
  private static final String COLUMNS =
      "id, contact_id, kind, payload, status, attempts, next_attempt_at, last_error, created_at,"
          + " done_at";

  public long enqueue(Handle h, String contactId, String kind, String payload, Instant now) {
    return h.createUpdate(
            "INSERT INTO crm_tasks (contact_id, kind, payload, status, next_attempt_at, created_at)"
                + " VALUES (:c, :k, :p, 'pending', :now, :now)")
        .bind("c", contactId)
        .bind("k", kind)
        .bind("p", payload)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Queues a task that only the latest version of matters (a contact sync): replaces the payload
   * of a still-pending task of that kind for the contact, else queues a new one.
   */
  public void enqueueLatest(Handle h, String contactId, String kind, String payload, Instant now) {
    int updated =
        h.createUpdate(
                "UPDATE crm_tasks SET payload = :p WHERE contact_id = :c AND kind = :k AND status ="
                    + " 'pending'")
            .bind("p", payload)
            .bind("c", contactId)
            .bind("k", kind)
            .execute();
    if (updated == 0) {
      enqueue(h, contactId, kind, payload, now);
    }
  }

  /**
   * Claims up to {@code limit} due tasks for {@code instance} in one short transaction and returns
   * them as they were before the claim; tasks another instance is claiming at the same moment are
   * skipped, not waited for.
   */
  List<CrmTask> claimDue(Handle h, String instance, Instant now, int limit) {
    return h.inTransaction(
        t -> {
          List<CrmTask> due =
              t.createQuery(
                      "SELECT " + COLUMNS + " FROM crm_tasks WHERE status = 'pending' AND"
                          + " next_attempt_at <= :now ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED")
                  .bind("now", now)
                  .bind("n", limit)
                  .map(
                      (rs, ctx) ->
                          new CrmTask(
                              rs.getLong("id"),
                              rs.getString("contact_id"),
                              rs.getString("kind"),
                              rs.getString("payload"),
                              rs.getString("status"),
                              rs.getInt("attempts"),
                              rs.getObject("next_attempt_at", java.time.OffsetDateTime.class)
                                  .toInstant(),
                              rs.getString("last_error"),
                              rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                              null))
                  .list();
          if (!due.isEmpty()) {
            t.createUpdate(
                    "UPDATE crm_tasks SET status = 'running', attempts = attempts + 1,"
                        + " next_attempt_at = :now, claimed_by = :by WHERE id IN (<ids>)")
                .bind("now", now)
                .bind("by", instance)
                .bindList("ids", due.stream().map(CrmTask::id).toList())
                .execute();
          }
          return due;
        });
  }

  void finish(Handle h, long id, String status, String error, Instant at) {
    h.createUpdate("UPDATE crm_tasks SET status = :s, last_error = :e, done_at = :at WHERE id = :id")
        .bind("s", status)
        .bind("e", error)
        .bind("at", at)
        .bind("id", id)
        .execute();
  }

  void retryLater(Handle h, long id, String error, Instant next) {
    h.createUpdate(
            "UPDATE crm_tasks SET status = 'pending', last_error = :e, next_attempt_at = :next"
                + " WHERE id = :id")
        .bind("e", error)
        .bind("next", next)
        .bind("id", id)
        .execute();
  }

  int releaseStale(Handle h, Instant claimedBefore) {
    return h.createUpdate(
            "UPDATE crm_tasks SET status = 'pending' WHERE status = 'running' AND next_attempt_at"
                + " < :t")
        .bind("t", claimedBefore)
        .execute();
  }

  int releaseOwn(Handle h, String instance) {
    return h.createUpdate(
            "UPDATE crm_tasks SET status = 'pending' WHERE status = 'running' AND claimed_by = :by")
        .bind("by", instance)
        .execute();
  }

  long pendingCount(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM crm_tasks WHERE status IN ('pending', 'running')")
        .mapTo(Long.class)
        .one();
  }
}
