package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyRulesTest {
  private final Fixtures.Conversation c = new Fixtures.Conversation();

  @Test
  void asked_if_it_is_a_bot_it_says_it_is_the_assistant_and_repeats_the_question() {
    c.say("looking to buy");
    TurnResult r = c.say("Am I talking to a real person?");
    String text = c.replyText(r);
    assertThat(text).contains("I'm Jorge's assistant").contains("What are you looking for?");
    assertThat(text).doesNotContainPattern("(?i)i'?m (a )?(real )?(human|person)");
    assertThat(r.asking()).isEqualTo("criteria");
    assertThat(c.say("hmm").asking()).isEqualTo("criteria");
    assertThat(c.buyer("criteria")).isNull();
  }

  @Test
  void a_bot_question_before_any_goal_is_answered_too() {
    TurnResult r = c.say("is this a bot?");
    assertThat(c.replyText(r)).contains("assistant").contains("buy, sell, or both?");
  }

  @Test
  void advice_questions_are_sent_to_an_attorney_or_cpa_and_the_question_continues() {
    c.say("thinking about selling my rental");
    TurnResult r = c.say("Will I owe capital gains tax if I sell?");
    assertThat(c.replyText(r)).contains("attorney or CPA").contains("30 to 45 days");
    assertThat(r.asking()).isEqualTo("timeline");
    assertThat(r.state().seller().missesFor("timeline")).isZero();
  }

  @Test
  void every_reply_has_at_most_one_question_and_no_links() {
    String[] lines = {
      "hey",
      "both",
      "we're relocating to Austin, want to buy there",
      "yes",
      "move-in ready",
      "$725k",
      "Tuesday works",
      "3 bed 2 bath",
      "cash",
      "2 weeks",
      "are you a bot?",
      "new job"
    };
    for (String line : lines) {
      for (Reply reply : c.say(line).replies()) {
        assertThat(reply.text().chars().filter(ch -> ch == '?').count())
            .as(reply.text())
            .isLessThanOrEqualTo(1);
        assertThat(reply.text()).doesNotContain("http", "www.", "{", "}");
        assertThat(reply.text().length()).isLessThanOrEqualTo(320);
      }
    }
  }

  @Test
  void a_question_whose_answer_is_known_is_never_asked() {
    String[] lines = {
      "selling, divorce, house needs a new roof, want 500k", "yes", "hmm", "ok", "fine"
    };
    for (String line : lines) {
      TurnResult r = c.say(line);
      if (r.asking() != null && c.state.seller() != null && !r.asking().equals("appointment")) {
        assertThat(c.state.seller().answers()).doesNotContainKey(r.asking());
      }
    }
    assertThat(c.results.get(0).asking()).isEqualTo("timeline");
  }

  @Test
  void configured_texts_and_agent_name_are_used_and_long_texts_are_cut_at_a_word() {
    Map<String, String> texts = new HashMap<>(BotSettings.defaults().texts());
    texts.put("seller.motivation", "word ".repeat(30) + "why are you selling?");
    BotSettings settings = new BotSettings("Maria", 60, List.of("Ontario"), texts);
    var convo = new Fixtures.Conversation(settings);
    TurnResult r = convo.say("is this a bot? I want to sell");
    assertThat(r.replies())
        .allSatisfy(reply -> assertThat(reply.text().length()).isLessThanOrEqualTo(60));
    assertThat(r.replies()).allSatisfy(reply -> assertThat(reply.text()).doesNotEndWith(" wor"));
    assertThat(convo.replyText(r)).contains("Maria's assistant");
  }

  @Test
  void the_default_settings_expose_every_text_key() {
    BotSettings d = BotSettings.defaults();
    assertThat(d.agentName()).isEqualTo("Jorge");
    assertThat(d.maxReplyChars()).isEqualTo(320);
    assertThat(d.texts())
        .containsKeys("seller.motivation", "buyer.criteria", "opt_out", "appointment.offer");
    assertThat(d.serviceAreas()).contains("Rancho Cucamonga");
  }

  @Test
  void the_engine_is_deterministic() {
    var a = new Fixtures.Conversation();
    var b = new Fixtures.Conversation();
    for (String line :
        List.of("hey", "sell", "relocating", "yes", "good shape", "700k", "the second one")) {
      assertThat(a.say(line)).isEqualTo(b.say(line));
    }
  }
}
