package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The handoff guards of SPEC §3.5, one test each, played through the engine: a buyer whose search
 * is qualified and who queued a sale would be handed to the seller bot, but a recent history of
 * handoffs holds it back until the window has passed; the next message then hands over.
 */
class HandoffGuardConversationTest {
  private static final Instant NOW = Fixtures.NOW;

  /** A buyer with a queued sale, one answer short of handing off to the seller bot. */
  private static Fixtures.Conversation buyerWithQueuedSale() {
    var c = new Fixtures.Conversation();
    c.say("Looking to buy a 3 bed 2 bath in Rancho Cucamonga, budget 800k");
    c.say("We also need to sell our current place");
    c.say("Pre-approved with Chase");
    c.say("Probably in 2 months");
    assertThat(c.state.queued()).isEqualTo(Side.SELLER);
    assertThat(c.state.asking()).isEqualTo("motivation");
    return c;
  }

  private static ConversationState withHistory(ConversationState s, List<Handoff> history) {
    return new ConversationState(
        s.bot(), s.focus(), s.seller(), s.buyer(), s.queued(), s.queuedConfidence(), s.optedOut(),
        s.asking(), s.intentAsks(), s.appointmentStatus(), s.offeredSlots(), s.appointmentMisses(),
        s.appointment(), history, s.notInterested(), s.needsHuman());
  }

  private static Handoff handoff(Bot from, Bot to, Duration ago) {
    return new Handoff(from, to, "earlier", 1.0, NOW.minus(ago));
  }

  /** Plays the last buyer answer at NOW (held back), then "ok" at {@code later} (handed over). */
  private static void heldBackThenHandedOver(List<Handoff> history, Duration stillBlockedAt, Duration later) {
    var c = buyerWithQueuedSale();
    c.state = withHistory(c.state, history);
    TurnResult held = c.say("We need more space for the kids");
    assertThat(held.handoffs()).as("guard holds the handoff").isEmpty();
    assertThat(held.state().bot()).isEqualTo(Bot.BUYER);
    assertThat(held.state().queued()).as("the sale stays queued").isEqualTo(Side.SELLER);

    c.ctx = Fixtures.ctxAt(NOW.plus(stillBlockedAt));
    assertThat(c.say("ok").handoffs()).as("still inside the window").isEmpty();

    c.ctx = Fixtures.ctxAt(NOW.plus(later));
    TurnResult handed = c.say("ok");
    assertThat(handed.handoffs()).singleElement().satisfies(h -> {
      assertThat(h.from()).isEqualTo(Bot.BUYER);
      assertThat(h.to()).isEqualTo(Bot.SELLER);
    });
    assertThat(handed.state().bot()).isEqualTo(Bot.SELLER);
    assertThat(c.replyText(handed)).contains("30 to 45 days").doesNotContain("What's got you thinking about selling");
  }

  @Test
  void the_same_pair_is_not_handed_off_twice_within_30_minutes() {
    heldBackThenHandedOver(
        List.of(handoff(Bot.BUYER, Bot.SELLER, Duration.ofMinutes(20))),
        Duration.ofMinutes(9),
        Duration.ofMinutes(11));
  }

  @Test
  void at_most_3_handoffs_an_hour() {
    heldBackThenHandedOver(
        List.of(
            handoff(Bot.CONCIERGE, Bot.BUYER, Duration.ofMinutes(50)),
            handoff(Bot.BUYER, Bot.SELLER, Duration.ofMinutes(45)),
            handoff(Bot.SELLER, Bot.BUYER, Duration.ofMinutes(40))),
        Duration.ofMinutes(9),
        Duration.ofMinutes(11));
  }

  @Test
  void at_most_10_handoffs_a_day() {
    List<Handoff> day = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Bot from = i % 2 == 0 ? Bot.SELLER : Bot.BUYER;
      day.add(handoff(from, from == Bot.SELLER ? Bot.BUYER : Bot.SELLER, Duration.ofHours(23 - 2L * i)));
    }
    heldBackThenHandedOver(day, Duration.ofMinutes(59), Duration.ofHours(1).plusMinutes(1));
  }
}
