package ai.jorge.conversation;

import ai.jorge.events.Event;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Work that must commit with a contact's turns, in the same transaction and under the same row
 * lock: scheduling follow-ups, queueing the agent alert and the CRM sync. Implementations write
 * only to the database (never call the network) and add the events they append to {@code out}.
 */
@FunctionalInterface
public interface TurnListener {
  void afterTurns(Handle h, TurnBatch batch, List<Event> out);
}
