package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SellerConversationTest {
  private final Fixtures.Conversation c = new Fixtures.Conversation();

  @Test
  void answers_volunteered_in_the_first_message_are_never_asked_again() {
    TurnResult first =
        c.say("Selling because we're relocating to Denver, and the house is move-in ready");
    assertThat(first.state().bot()).isEqualTo(Bot.SELLER);
    assertThat(first.asking()).isEqualTo("timeline");
    assertThat(c.seller("destination")).isEqualTo("Denver");
    assertThat(c.say("sure, that could work").asking()).isEqualTo("price");
    TurnResult last = c.say("I'd list it for $815,000");
    assertThat(last.temperature()).isEqualTo(Temperature.HOT);
    assertThat(last.turnedHot()).isTrue();
    assertThat(c.results).extracting(TurnResult::asking).doesNotContain("motivation", "condition");
  }

  @Test
  void an_unanswerable_reply_is_asked_again_with_an_example_then_recorded_unknown() {
    c.say("want to sell my place, it's a rental and I'm tired of tenants");
    c.say("yes within a month is fine");
    c.say("needs some updating");
    TurnResult retry = c.say("hmm");
    assertThat(retry.asking()).isEqualTo("price");
    assertThat(c.replyText(retry)).contains("$650k");
    TurnResult gaveUp = c.say("no idea honestly");
    assertThat(c.seller("price")).isEqualTo("unknown");
    assertThat(gaveUp.asking()).isNull();
    assertThat(gaveUp.temperature()).isEqualTo(Temperature.WARM);
    assertThat(c.replyText(gaveUp)).doesNotContain("?");
  }

  @Test
  void a_bare_number_is_a_price_only_when_the_price_was_asked() {
    c.say("thinking about selling, we have 3 kids and 2 dogs");
    assertThat(c.seller("price")).isNull();
    c.say("job transfer to Reno");
    c.say("the sooner the better");
    c.say("great condition");
    c.say("six fifty");
    assertThat(c.seller("price")).isEqualTo(650000L);
  }

  @Test
  void saying_not_selling_midway_makes_the_lead_cold_and_stops_the_questions() {
    c.say("I want to sell my house");
    c.say("downsizing");
    TurnResult r = c.say("Actually we talked it over and we're not selling after all");
    assertThat(r.temperature()).isEqualTo(Temperature.COLD);
    assertThat(r.state().notInterested()).isTrue();
    assertThat(r.asking()).isNull();
    assertThat(c.replyText(r)).doesNotContain("?");
    TurnResult later = c.say("ok thanks");
    assertThat(later.asking()).isNull();
    assertThat(later.state().notInterested()).isTrue();
  }

  @Test
  void interest_stated_again_resumes_the_questions() {
    c.say("just curious what my house is worth, not planning to sell");
    TurnResult r = c.say("Actually we do want to sell now, my company is relocating us");
    assertThat(r.state().notInterested()).isFalse();
    assertThat(r.asking()).isEqualTo("timeline");
  }

  @Test
  void warm_needs_three_answers_and_a_near_timeline_or_high_urgency() {
    c.say("need to sell asap, behind on payments");
    c.say("it's a fixer");
    TurnResult r = c.say("not sure on price");
    assertThat(c.seller("urgency")).isEqualTo("high");
    assertThat(r.temperature()).isEqualTo(Temperature.WARM);
    assertThat(r.asking()).isEqualTo("price");
    assertThat(r.state().seller().reasons()).contains("urgency: high", "3 of 4 questions answered");
    TurnResult w = c.say("maybe 400k");
    assertThat(w.temperature()).isEqualTo(Temperature.HOT);
  }

  @Test
  void a_slow_timeline_without_urgency_stays_cold_even_when_fully_answered() {
    c.say("We'd like to sell, retiring to Arizona");
    c.say("no, we'd want to list next year");
    c.say("move-in ready");
    TurnResult r = c.say("$700k");
    assertThat(c.seller("timeline_days")).isEqualTo(365);
    assertThat(r.temperature()).isEqualTo(Temperature.COLD);
    assertThat(r.state().seller().reasons()).contains("4 of 4 questions answered");
  }

  @Test
  void by_a_month_name_counts_days_from_now_in_the_team_zone() {
    c.say("selling my mom's house, she passed away");
    c.say("we'd like it sold by March");
    assertThat(c.seller("timeline_days")).isEqualTo(98);
    assertThat(c.seller("accepts_fast_sale")).isEqualTo(false);
  }

  @Test
  void an_unclear_lead_is_asked_for_intent_three_times_then_marked_for_a_human() {
    assertThat(c.say("hey").asking()).isEqualTo("intent");
    assertThat(c.say("hmm").asking()).isEqualTo("intent");
    assertThat(c.say("what?").asking()).isEqualTo("intent");
    TurnResult r = c.say("ok");
    assertThat(r.asking()).isNull();
    assertThat(r.state().needsHuman()).isTrue();
    assertThat(r.replies()).hasSize(1);
    assertThat(c.say("hello").replies()).isEmpty();
    assertThat(c.say("sell").state().bot()).isEqualTo(Bot.SELLER);
  }

  @Test
  void a_one_word_answer_to_the_intent_question_routes() {
    c.say("hi there");
    TurnResult r = c.say("selling");
    assertThat(r.state().bot()).isEqualTo(Bot.SELLER);
    assertThat(r.asking()).isEqualTo("motivation");
    assertThat(r.handoffs())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.from()).isEqualTo(Bot.CONCIERGE);
              assertThat(h.to()).isEqualTo(Bot.SELLER);
              assertThat(h.confidence()).isEqualTo(1.0);
              assertThat(h.at()).isEqualTo(Fixtures.NOW);
            });
  }

  @Test
  void a_stated_lack_of_plans_to_sell_routes_to_the_seller_side_as_cold() {
    TurnResult r = c.say("not planning to sell, just curious about values");
    assertThat(r.state().bot()).isEqualTo(Bot.SELLER);
    assertThat(r.temperature()).isEqualTo(Temperature.COLD);
    assertThat(r.state().notInterested()).isTrue();
  }

  @Test
  void a_lead_not_selling_but_buying_goes_to_the_buyer_bot() {
    TurnResult r = c.say("I'm not selling, I want to buy a 3 bed in Ontario");
    assertThat(r.state().bot()).isEqualTo(Bot.BUYER);
    assertThat(r.state().queued()).isNull();
    assertThat(r.asking()).isEqualTo("financing");
  }
}
