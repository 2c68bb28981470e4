package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutAndSilenceTest {
  private static final String CONFIRMATION =
      "You're unsubscribed and won't get more texts from us. Reply START to resume.";
  private final Fixtures.Conversation c = new Fixtures.Conversation();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "STOP",
        "unsubscribe",
        "Opt-Out!",
        "please stop texting me",
        "remove me from your list"
      })
  void an_opt_out_at_any_stage_is_confirmed_exactly_once(String text) {
    c.say("I want to sell my house");
    TurnResult r = c.say(text);
    assertThat(r.optedOut()).isTrue();
    assertThat(r.replies())
        .containsExactly(new Reply(CONFIRMATION, Reply.Kind.OPT_OUT_CONFIRMATION));
    assertThat(r.asking()).isNull();
    assertThat(c.say("STOP").replies()).isEmpty();
  }

  @Test
  void opting_out_before_any_bot_logic_works_on_the_first_message() {
    TurnResult r = c.say("stop");
    assertThat(r.optedOut()).isTrue();
    assertThat(r.handoffs()).isEmpty();
    assertThat(r.state().bot()).isEqualTo(Bot.CONCIERGE);
  }

  @Test
  void while_opted_out_nothing_is_sent_but_answers_are_still_recorded() {
    c.say("I want to sell my house");
    c.say("STOP");
    TurnResult r = c.say("fine, we're relocating to Boise and want $650k");
    assertThat(r.replies()).isEmpty();
    assertThat(r.optedOut()).isTrue();
    assertThat(c.seller("motivation")).isEqualTo("relocation");
    assertThat(c.seller("price")).isEqualTo(650000L);
  }

  @Test
  void start_resubscribes_with_one_reply_and_picks_up_the_next_question() {
    c.say("I want to sell my house");
    c.say("STOP");
    c.say("we're relocating");
    TurnResult r = c.say("START");
    assertThat(r.optedOut()).isFalse();
    assertThat(r.resubscribed()).isTrue();
    assertThat(r.replies())
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.kind()).isEqualTo(Reply.Kind.RESUBSCRIBED);
              assertThat(reply.text()).contains("resubscribed").contains("30 to 45 days");
            });
    assertThat(r.asking()).isEqualTo("timeline");
    assertThat(c.say("UNSTOP").resubscribed()).isFalse();
  }

  @Test
  void stop_inside_a_sentence_is_ordinary_conversation() {
    TurnResult r = c.say("We have to stop the foreclosure, can we sell fast?");
    assertThat(r.optedOut()).isFalse();
    assertThat(r.state().bot()).isEqualTo(Bot.SELLER);
    assertThat(c.seller("motivation")).isEqualTo("foreclosure");
  }

  @Test
  void a_silenced_contact_gets_no_replies_but_answers_and_temperature_update() {
    c.say("selling, we're relocating for work");
    c.ctx = new TurnContext(Fixtures.NOW, Fixtures.LA, Fixtures.SLOTS, true);
    TurnResult r = c.say("yes 30 days is fine, it's move-in ready, thinking $700k");
    assertThat(r.replies()).isEmpty();
    assertThat(r.asking()).isEqualTo("timeline");
    assertThat(r.temperature()).isEqualTo(Temperature.HOT);
    assertThat(r.turnedHot()).isTrue();
    assertThat(r.offeredSlots()).isEmpty();
    TurnResult stop = c.say("STOP");
    assertThat(stop.replies())
        .extracting(Reply::kind)
        .containsExactly(Reply.Kind.OPT_OUT_CONFIRMATION);
  }

  @Test
  void a_contact_held_by_a_human_gets_no_bot_replies() {
    c.say("I want to sell my house");
    c.state = c.state.withBot(Bot.HUMAN);
    TurnResult r = c.say("we're downsizing");
    assertThat(r.replies()).isEmpty();
    assertThat(r.state().bot()).isEqualTo(Bot.HUMAN);
    assertThat(c.seller("motivation")).isEqualTo("downsizing");
  }

  @Test
  void a_silenced_concierge_contact_records_a_clearly_named_goal() {
    c.ctx = new TurnContext(Fixtures.NOW, Fixtures.LA, List.of(), true);
    TurnResult r = c.say("looking to buy a 4 bed in Corona");
    assertThat(r.replies()).isEmpty();
    assertThat(r.state().bot()).isEqualTo(Bot.CONCIERGE);
    assertThat(c.buyer("beds")).isEqualTo(4);
  }
}
