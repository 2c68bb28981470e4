package ai.jorge.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Conversation state rows, including the per-contact lock that serialises turns. */
public final class Conversations {
  private static final String COLUMNS =
      "contact_id, id, version, bot, temperature, opted_out, human_hold, silenced_until, state,"
          + " last_inbound_at, updated_at";

  public Optional<ConversationRow> find(Handle h, String contactId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM conversations WHERE contact_id = :c")
        .bind("c", contactId)
        .mapTo(ConversationRow.class)
        .findOne();
  }

  /**
   * Reads the row and holds its lock until the transaction ends; every instance sharing the
   * database waits here, so one contact's turns never interleave.
   */
  public ConversationRow lock(Handle h, String contactId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM conversations WHERE contact_id = :c FOR UPDATE")
        .bind("c", contactId)
        .mapTo(ConversationRow.class)
        .one();
  }

  public void insert(Handle h, ConversationRow row) {
    h.createUpdate(
            "INSERT INTO conversations (" + COLUMNS + ") VALUES (:contactId, :id, :version, :bot,"
                + " :temperature, :optedOut, :humanHold, :silencedUntil, :state, :lastInboundAt,"
                + " :updatedAt)")
        .bindMethods(row)
        .execute();
  }

  /** Writes the new state; fails when another writer got there first (the version moved). */
  public void update(Handle h, ConversationRow row) {
    int n =
        h.createUpdate(
                "UPDATE conversations SET version = :version + 1, bot = :bot, temperature ="
                    + " :temperature, opted_out = :optedOut, human_hold = :humanHold,"
                    + " silenced_until = :silencedUntil, state = :state, last_inbound_at ="
                    + " :lastInboundAt, updated_at = :updatedAt WHERE contact_id = :contactId AND"
                    + " version = :version")
            .bindMethods(row)
            .execute();
    if (n != 1) {
      throw new IllegalStateException("conversation " + row.contactId() + " changed concurrently");
    }
  }

  public void setHumanHold(Handle h, String contactId, boolean hold, Instant now) {
    h.createUpdate(
            "UPDATE conversations SET human_hold = :hold, updated_at = :now WHERE contact_id = :c")
        .bind("hold", hold)
        .bind("now", now)
        .bind("c", contactId)
        .execute();
  }

  public void silenceUntil(Handle h, String contactId, Instant until) {
    h.createUpdate("UPDATE conversations SET silenced_until = :until WHERE contact_id = :c")
        .bind("until", until)
        .bind("c", contactId)
        .execute();
  }
}
