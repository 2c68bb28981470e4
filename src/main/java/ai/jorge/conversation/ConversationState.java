package ai.jorge.conversation;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything the engine remembers about one contact between turns. Immutable and made only of
 * records, enums, strings, numbers, booleans, lists and maps, so it round-trips through Jackson
 * (with the Java time module) as plain JSON. {@code focus} is the side being qualified, {@code
 * queued} a second goal waiting for its bot, {@code asking} the slot the last question asked about,
 * and {@code notInterested} whether the lead declined and nothing else is pending.
 */
public record ConversationState(
    Bot bot,
    Side focus,
    SideState seller,
    SideState buyer,
    Side queued,
    double queuedConfidence,
    boolean optedOut,
    String asking,
    int intentAsks,
    AppointmentStatus appointmentStatus,
    List<ZonedDateTime> offeredSlots,
    int appointmentMisses,
    Appointment appointment,
    List<Handoff> handoffs,
    boolean notInterested,
    boolean needsHuman) {

  public ConversationState {
    bot = bot == null ? Bot.CONCIERGE : bot;
    appointmentStatus = appointmentStatus == null ? AppointmentStatus.NONE : appointmentStatus;
    offeredSlots = offeredSlots == null ? List.of() : List.copyOf(offeredSlots);
    handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
  }

  public static ConversationState initial() {
    return new ConversationState(
        Bot.CONCIERGE,
        null,
        null,
        null,
        null,
        0,
        false,
        null,
        0,
        AppointmentStatus.NONE,
        List.of(),
        0,
        null,
        List.of(),
        false,
        false);
  }

  /**
   * A new conversation addressed straight to one side's bot, skipping the concierge (the
   * bot-specific alias routes of SPEC §12).
   */
  public static ConversationState addressedTo(Side side) {
    StateBuilder b = StateBuilder.from(initial()).bot(side == Side.SELLER ? Bot.SELLER : Bot.BUYER);
    b.focus(side);
    b.side(side, SideState.empty());
    return b.build();
  }

  /** The state of one side, or null when that goal never came up. */
  public SideState side(Side side) {
    return side == Side.SELLER ? seller : buyer;
  }

  /** Temperature of the side being qualified, or null while the concierge is still routing. */
  public Temperature activeTemperature() {
    SideState s = focus == null ? null : side(focus);
    return s == null ? null : s.temperature();
  }

  /**
   * The same state with a different bot holding the contact, e.g. {@link Bot#HUMAN} on takeover.
   */
  public ConversationState withBot(Bot newBot) {
    return StateBuilder.from(this).bot(newBot).build();
  }

  /** The same state with the needs-human flag set or cleared, e.g. when an agent picks it up. */
  public ConversationState withNeedsHuman(boolean value) {
    return StateBuilder.from(this).needsHuman(value).build();
  }
}
