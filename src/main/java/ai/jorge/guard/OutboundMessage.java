package ai.jorge.guard;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A message about to be delivered to a contact, with the facts layers 3 and 5 need: opt-out
 * state, whether it is proactive (follow-up, nurture) rather than a direct reply, the contact's
 * local time, whether it is the one opt-out confirmation, how many messages the contact got
 * today, the channel's length limit (0 or less means the rule's default) and internal ids that
 * must never leak.
 */
public record OutboundMessage(
    String contactId,
    String text,
    boolean contactOptedOut,
    boolean proactive,
    ZonedDateTime contactLocalTime,
    boolean isOptOutConfirmation,
    int sentToday,
    int maxChars,
    List<String> internalIds) {

  public OutboundMessage {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(contactLocalTime, "contactLocalTime");
    if (sentToday < 0) {
      throw new IllegalArgumentException("sentToday must be >= 0");
    }
    internalIds = internalIds == null ? List.of() : List.copyOf(internalIds);
  }
}
