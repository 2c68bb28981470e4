package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffConversationTest {
  private final Fixtures.Conversation c = new Fixtures.Conversation();

  /**
   * A seller who mentioned buying next, with only the price question left; WARM, so no appointment.
   */
  private void sellerWithBuyerQueuedAwaitingPrice() {
    c.say("I want to sell my condo");
    c.say("Growing family, we'll need to buy a bigger house nearby after");
    c.say("no, we'd need 3 months");
    c.say("needs paint");
    assertThat(c.state.asking()).isEqualTo("price");
    assertThat(c.state.queued()).isEqualTo(Side.BUYER);
  }

  private void replaceHistory(List<Handoff> history) {
    ConversationState s = c.state;
    c.state =
        new ConversationState(
            s.bot(),
            s.focus(),
            s.seller(),
            s.buyer(),
            s.queued(),
            s.queuedConfidence(),
            s.optedOut(),
            s.asking(),
            s.intentAsks(),
            s.appointmentStatus(),
            s.offeredSlots(),
            s.appointmentMisses(),
            s.appointment(),
            history,
            s.notInterested(),
            s.needsHuman());
  }

  private static Handoff handoff(Bot from, Bot to, Duration ago) {
    return new Handoff(from, to, "earlier", 1.0, Fixtures.NOW.minus(ago));
  }

  @Test
  void a_buyer_goal_mid_seller_is_acknowledged_then_taken_over_once_the_seller_is_qualified() {
    c.say("I want to sell my condo");
    TurnResult ack = c.say("Growing family, we'll need to buy a bigger house nearby after");
    assertThat(c.replyText(ack)).contains("find your next place too");
    assertThat(ack.state().bot()).isEqualTo(Bot.SELLER);
    c.say("no, we'd need 3 months");
    c.say("needs paint");
    TurnResult r = c.say("550k");
    assertThat(r.state().bot()).isEqualTo(Bot.BUYER);
    assertThat(r.asking()).isEqualTo("criteria");
    assertThat(r.handoffs())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.from()).isEqualTo(Bot.SELLER);
              assertThat(h.to()).isEqualTo(Bot.BUYER);
              assertThat(h.confidence()).isEqualTo(1.0);
              assertThat(h.reason()).contains("seller WARM").contains("price=550000");
            });
    assertThat(r.state().handoffs()).hasSize(2);
    assertThat(c.buyer("motivation")).isEqualTo("upsizing");
    assertThat(c.state.seller().temperature()).isEqualTo(Temperature.WARM);
    c.say("3 bed 2 bath in Upland");
    c.say("pre-approved");
    TurnResult last = c.say("about 2 months");
    assertThat(last.asking()).isNull();
    assertThat(c.results)
        .extracting(TurnResult::asking)
        .containsOnlyOnce("motivation", "criteria", "financing");
  }

  @Test
  void a_hot_seller_hands_off_only_after_the_appointment_is_settled() {
    c.say("selling my house and buying a bigger one after, we're relocating for work");
    c.say("yes 30 days is fine");
    c.say("move-in ready");
    TurnResult hot = c.say("$900k");
    assertThat(hot.asking()).isEqualTo("appointment");
    assertThat(hot.state().bot()).isEqualTo(Bot.SELLER);
    TurnResult booked = c.say("the second one");
    assertThat(booked.booked()).isNotNull();
    assertThat(booked.state().bot()).isEqualTo(Bot.BUYER);
    assertThat(booked.asking()).isEqualTo("criteria");
    assertThat(c.replyText(booked))
        .contains("You're all set")
        .contains("What are you looking for?");
  }

  @Test
  void a_seller_goal_mid_buyer_is_queued_and_the_seller_bot_skips_what_is_known() {
    c.say("looking to buy a 3 bed in Ontario under 700k");
    TurnResult ack = c.say("we also need to sell our current home first");
    assertThat(ack.state().queued()).isEqualTo(Side.SELLER);
    assertThat(c.replyText(ack)).contains("selling your current home too");
    assertThat(ack.asking()).isEqualTo("financing");
    assertThat(c.replyText(ack)).doesNotContain("For example");
    c.say("not yet");
    c.say("in 2 months");
    TurnResult r = c.say("growing family, we need more space");
    assertThat(r.state().bot()).isEqualTo(Bot.SELLER);
    assertThat(r.handoffs())
        .singleElement()
        .satisfies(h -> assertThat(h.from()).isEqualTo(Bot.BUYER));
    assertThat(c.seller("motivation")).isEqualTo("upsizing");
    assertThat(r.asking()).isEqualTo("timeline");
  }

  @Test
  void weak_buying_signals_do_not_interrupt_the_seller() {
    c.say("I want to sell my condo");
    TurnResult r = c.say("downsizing, and we already paid off the mortgage");
    assertThat(r.state().queued()).isNull();
  }

  @Test
  void the_same_pair_is_not_handed_off_twice_within_30_minutes() {
    sellerWithBuyerQueuedAwaitingPrice();
    replaceHistory(List.of(handoff(Bot.SELLER, Bot.BUYER, Duration.ofMinutes(10))));
    TurnResult blocked = c.say("550k");
    assertThat(blocked.handoffs()).isEmpty();
    assertThat(blocked.state().bot()).isEqualTo(Bot.SELLER);
    assertThat(blocked.state().queued()).isEqualTo(Side.BUYER);
    assertThat(blocked.replies()).hasSize(1);
    c.ctx = Fixtures.ctxAt(Fixtures.NOW.plus(Duration.ofMinutes(21)));
    TurnResult later = c.say("ok");
    assertThat(later.handoffs()).hasSize(1);
    assertThat(later.state().bot()).isEqualTo(Bot.BUYER);
  }

  @Test
  void no_more_than_three_handoffs_an_hour() {
    sellerWithBuyerQueuedAwaitingPrice();
    replaceHistory(
        List.of(
            handoff(Bot.CONCIERGE, Bot.SELLER, Duration.ofMinutes(50)),
            handoff(Bot.SELLER, Bot.BUYER, Duration.ofMinutes(45)),
            handoff(Bot.BUYER, Bot.SELLER, Duration.ofMinutes(40))));
    assertThat(c.say("550k").handoffs()).isEmpty();
    assertThat(c.state.bot()).isEqualTo(Bot.SELLER);
  }

  @Test
  void no_more_than_ten_handoffs_a_day() {
    sellerWithBuyerQueuedAwaitingPrice();
    List<Handoff> history = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      history.add(handoff(Bot.CONCIERGE, Bot.SELLER, Duration.ofHours(2 + 2L * i)));
    }
    replaceHistory(history);
    assertThat(c.say("550k").handoffs()).isEmpty();
    replaceHistory(history.subList(1, 10));
    assertThat(c.say("ok").handoffs()).hasSize(1);
  }

  @Test
  void the_guard_counts_only_recent_handoffs() {
    Instant now = Fixtures.NOW;
    List<Handoff> old = List.of(handoff(Bot.SELLER, Bot.BUYER, Duration.ofMinutes(31)));
    assertThat(HandoffGuard.allows(old, Bot.SELLER, Bot.BUYER, now)).isTrue();
    assertThat(
            HandoffGuard.allows(
                List.of(handoff(Bot.SELLER, Bot.BUYER, Duration.ofMinutes(29))),
                Bot.SELLER,
                Bot.BUYER,
                now))
        .isFalse();
    assertThat(
            HandoffGuard.allows(
                List.of(handoff(Bot.SELLER, Bot.BUYER, Duration.ofMinutes(5))),
                Bot.BUYER,
                Bot.SELLER,
                now))
        .isTrue();
  }
}
