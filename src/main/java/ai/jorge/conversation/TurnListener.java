package ai.jorge.conversation;

import ai.jorge.events.EventDrafts;
import org.jdbi.v3.core.Handle;

/**
 * Work that must commit with a contact's turns, in the same transaction and under the same row
 * lock: scheduling follow-ups, queueing the agent alert and the CRM sync. Implementations write
 * only to the database (never call the network) and add their events to {@code events}, which the
 * turn appends last.
 */
@FunctionalInterface
public interface TurnListener {
  void afterTurns(Handle h, TurnBatch batch, EventDrafts events);
}
