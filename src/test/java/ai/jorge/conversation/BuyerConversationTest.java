package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuyerConversationTest {
  private final Fixtures.Conversation c = new Fixtures.Conversation();

  @Test
  void asks_the_four_buyer_questions_in_order() {
    assertThat(c.say("we're looking to buy").asking()).isEqualTo("criteria");
    assertThat(c.say("4 bed 2.5 bath in Chino Hills, 900k to 1.1M").asking())
        .isEqualTo("financing");
    assertThat(c.buyer("baths")).isEqualTo(2.5);
    assertThat(c.buyer("price_min")).isEqualTo(900000L);
    assertThat(c.buyer("price_max")).isEqualTo(1100000L);
    assertThat(c.buyer("area")).isEqualTo("Chino Hills");
    assertThat(c.say("we'll pay cash").asking()).isEqualTo("timeline");
    TurnResult r = c.say("1 to 3 months");
    assertThat(r.asking()).isEqualTo("motivation");
    assertThat(r.temperature()).isEqualTo(Temperature.WARM);
    TurnResult done = c.say("new job at the hospital");
    assertThat(c.buyer("motivation")).isEqualTo("relocation");
    assertThat(done.asking()).isNull();
  }

  @Test
  void browsing_is_a_180_day_timeline_and_cold() {
    c.say("looking to buy a condo in Upland under 500k");
    c.say("not yet");
    TurnResult r = c.say("just browsing for now");
    assertThat(c.buyer("timeline_days")).isEqualTo(180);
    assertThat(r.temperature()).isEqualTo(Temperature.COLD);
  }

  @Test
  void cash_and_a_move_within_30_days_is_hot_and_gets_times_offered() {
    c.say("We want to buy, paying cash, need to move in 2 weeks");
    assertThat(c.state.buyer().temperature()).isEqualTo(Temperature.HOT);
    TurnResult r = c.results.get(0);
    assertThat(r.asking()).isEqualTo("appointment");
    assertThat(r.offeredSlots()).hasSize(2);
  }

  @Test
  void a_zip_code_in_the_criteria_is_not_a_budget() {
    c.say("buying near 92336 with 3 bedrooms");
    assertThat(c.buyer("price_max")).isNull();
    assertThat(c.buyer("beds")).isEqualTo(3);
  }

  @Test
  void criteria_missed_twice_is_recorded_unknown_and_the_next_question_follows() {
    c.say("looking to buy");
    assertThat(c.say("not sure").asking()).isEqualTo("criteria");
    TurnResult r = c.say("dunno");
    assertThat(c.buyer("criteria")).isEqualTo("unknown");
    assertThat(r.asking()).isEqualTo("financing");
  }
}
