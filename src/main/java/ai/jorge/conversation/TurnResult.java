package ai.jorge.conversation;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The outcome of one inbound message: the new state to store, the replies to send (possibly none),
 * the slot now being asked about, handoffs made this turn, the opt-out flag, whether this message
 * resubscribed the contact, the active side's temperature before and after, whether any side turned
 * HOT this turn, the appointment times offered this turn and the appointment booked this turn (or
 * null).
 */
public record TurnResult(
    ConversationState state,
    List<Reply> replies,
    String asking,
    List<Handoff> handoffs,
    boolean optedOut,
    boolean resubscribed,
    Temperature previousTemperature,
    Temperature temperature,
    boolean turnedHot,
    List<ZonedDateTime> offeredSlots,
    Appointment booked) {
  public TurnResult {
    replies = List.copyOf(replies);
    handoffs = List.copyOf(handoffs);
    offeredSlots = List.copyOf(offeredSlots);
  }
}
