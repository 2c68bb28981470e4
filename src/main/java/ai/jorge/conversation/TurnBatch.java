package ai.jorge.conversation;

import ai.jorge.store.ContactRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The turns one {@code processPending} call ran for a contact, oldest first, with what listeners
 * need around them: the contact, its time zone, the state before the first turn, the provider
 * time of the last inbound message, the turn time and whether a person holds the conversation.
 */
public record TurnBatch(
    ContactRow contact,
    ZoneId zone,
    ConversationState before,
    List<TurnResult> results,
    Instant lastInbound,
    Instant now,
    boolean humanHold) {
  public TurnBatch {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a batch has at least one turn");
    }
    results = List.copyOf(results);
  }

  /** The state after the last turn. */
  public ConversationState state() {
    return results.get(results.size() - 1).state();
  }

  /** Whether any turn of the batch turned a side HOT. */
  public boolean turnedHot() {
    return results.stream().anyMatch(TurnResult::turnedHot);
  }

  /** The temperature of the active side after the batch, or null while routing. */
  public Temperature temperature() {
    return state().activeTemperature();
  }
}
