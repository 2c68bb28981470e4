package ai.jorge.conversation;

import ai.jorge.events.Event;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Work another feature does after a contact's turns are written, inside the same transaction (e.g.
 * re-scoring the lead). Implementations append their events to {@code out}; they are published
 * after commit with the turn's own. Must be thread-safe.
 */
@FunctionalInterface
public interface TurnHook {
  TurnHook NONE = (h, contactId, now, out) -> {};

  void afterTurns(Handle h, String contactId, Instant now, List<Event> out);
}
