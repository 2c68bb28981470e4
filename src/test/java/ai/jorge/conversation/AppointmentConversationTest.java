package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppointmentConversationTest {
  private final Fixtures.Conversation c = new Fixtures.Conversation();

  private TurnResult hotSeller() {
    c.say("I need to sell, relocating to Dallas for work");
    c.say("yes 30 days works");
    c.say("it's in great shape");
    return c.say("around $725k");
  }

  @Test
  void a_hot_lead_is_offered_two_concrete_times_in_prose() {
    TurnResult r = hotSeller();
    String text = c.replyText(r);
    assertThat(r.asking()).isEqualTo("appointment");
    assertThat(text)
        .contains("Tuesday at 10:00 AM or Wednesday at 2:30 PM")
        .contains("which works better?");
    assertThat(text)
        .doesNotContainPattern("(?m)^\\s*\\d[.)]")
        .doesNotContainIgnoringCase("reply with");
    assertThat(r.offeredSlots())
        .containsExactly(Fixtures.at("2026-11-24T10:00"), Fixtures.at("2026-11-25T14:30"));
    assertThat(r.state().offeredSlots()).isEqualTo(r.offeredSlots());
  }

  @ParameterizedTest(name = "{0} books {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Tuesday works                | 2026-11-24T10:00
          the first one works          | 2026-11-24T10:00
          the second one               | 2026-11-25T14:30
          2:30                         | 2026-11-25T14:30
          Wednesday afternoon          | 2026-11-25T14:30
          either is fine               | 2026-11-24T10:00
          """)
  void the_leads_answer_books_the_slot_and_is_confirmed(String answer, String local) {
    hotSeller();
    TurnResult r = c.say(answer);
    ZonedDateTime start = Fixtures.at(local);
    assertThat(r.booked()).isEqualTo(new Appointment(start, Fixtures.NOW));
    assertThat(r.state().appointment()).isEqualTo(r.booked());
    assertThat(r.state().appointmentStatus()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(r.asking()).isNull();
    assertThat(c.replyText(r)).contains("You're all set for");
    TurnResult after = c.say("great, thanks! we're excited");
    assertThat(after.asking()).isNull();
    assertThat(after.offeredSlots()).isEmpty();
    assertThat(c.replyText(after)).doesNotContain("which works better");
  }

  @Test
  void a_decline_is_recorded_and_times_are_not_offered_again() {
    hotSeller();
    TurnResult r = c.say("not now, thanks");
    assertThat(r.state().appointmentStatus()).isEqualTo(AppointmentStatus.DECLINED);
    assertThat(r.state().appointment()).isNull();
    assertThat(r.asking()).isNull();
    assertThat(c.say("ok").offeredSlots()).isEmpty();
  }

  @Test
  void an_unclear_answer_gets_the_times_again_once_then_the_agent_will_call() {
    hotSeller();
    TurnResult again = c.say("what would we talk about");
    assertThat(again.asking()).isEqualTo("appointment");
    TurnResult gaveUp = c.say("hmm");
    assertThat(gaveUp.state().appointmentStatus()).isEqualTo(AppointmentStatus.AGENT_WILL_CALL);
    assertThat(gaveUp.asking()).isNull();
  }

  @Test
  void without_open_slots_the_agent_will_reach_out() {
    c.ctx = new TurnContext(Fixtures.NOW, Fixtures.LA, List.of(), false);
    TurnResult r = hotSeller();
    assertThat(r.temperature()).isEqualTo(Temperature.HOT);
    assertThat(r.asking()).isNull();
    assertThat(r.offeredSlots()).isEmpty();
    assertThat(c.replyText(r)).contains("Jorge will reach out shortly to set up a time");
    assertThat(r.state().appointmentStatus()).isEqualTo(AppointmentStatus.AGENT_WILL_CALL);
  }

  @Test
  void a_hot_buyer_is_asked_the_open_questions_after_booking() {
    c.say("Looking to buy a 3 bed in Ontario, pre-approved, need to move in 3 weeks");
    TurnResult r = c.say("the first one");
    assertThat(r.booked()).isNotNull();
    assertThat(r.asking()).isEqualTo("motivation");
    assertThat(c.replyText(r)).contains("You're all set").contains("What's prompting the move?");
  }

  @Test
  void a_day_that_was_not_offered_gets_that_days_times() {
    hotSeller();
    TurnResult r = c.say("could we do Friday instead?");
    assertThat(r.asking()).isEqualTo("appointment");
    assertThat(r.offeredSlots()).containsExactly(Fixtures.at("2026-11-27T09:30"));
    assertThat(c.say("yes").booked().start()).isEqualTo(Fixtures.at("2026-11-27T09:30"));
  }
}
