package ai.jorge.conversation;

import ai.jorge.conversation.extract.Intent;
import java.util.List;
import java.util.Map;

/**
 * One side's qualification logic: its questions in order, how to read answers to them from a
 * message, when a question counts as answered, and the temperature rules. Stateless.
 */
interface Qualifier {
  Side side();

  List<Slot> slots();

  /** Answers found in the message; {@code asked} is the slot just asked about, or null. */
  Map<String, Object> extract(String text, Slot asked, TurnContext ctx, Intent intent);

  /** True when the slot holds an answer or was given up on as unknown. */
  boolean answered(Slot slot, SideState state);

  /** The answer key that records {@link SideState#UNKNOWN} when the slot is given up on. */
  String unknownKey(Slot slot);

  Rating rate(SideState state);

  default Slot nextOpen(SideState state) {
    for (Slot s : slots()) {
      if (!answered(s, state)) {
        return s;
      }
    }
    return null;
  }

  default String textKey(Slot slot) {
    return side().wireName() + "." + slot.wire();
  }
}
