package ai.jorge.followup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.crm.QuietHours;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The follow-up cadence, quiet hours and texts as pure rules. */
class CadenceTest {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @Test
  void touches_fall_on_days_2_to_29_every_3_days_then_every_14_days_ten_times() {
    List<Integer> days = new ArrayList<>();
    for (int a = 1; a <= 25; a++) {
      Cadence.day(a).ifPresent(days::add);
    }
    assertThat(days).containsExactly(2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 43, 57, 71, 85, 99, 113, 127, 141, 155, 169);
    assertThat(Cadence.day(0)).isEmpty();
    assertThat(Cadence.reason(3)).isEqualTo("follow-up 3 of 10: no reply for 8 days");
    assertThat(Cadence.reason(11)).isEqualTo("long-term touch 1 of 10: no reply for 43 days");
  }

  @Test
  void quiet_hours_defer_to_the_next_8am_in_the_contacts_zone() {
    Instant late = ZonedDateTime.of(2025, 6, 2, 21, 0, 0, 0, LA).toInstant();
    assertThat(QuietHours.deferral(late, LA)).contains(ZonedDateTime.of(2025, 6, 3, 8, 0, 0, 0, LA));
    Instant early = ZonedDateTime.of(2025, 6, 2, 7, 59, 0, 0, LA).toInstant();
    assertThat(QuietHours.deferral(early, LA)).contains(ZonedDateTime.of(2025, 6, 2, 8, 0, 0, 0, LA));
    assertThat(QuietHours.deferral(ZonedDateTime.of(2025, 6, 2, 8, 0, 0, 0, LA).toInstant(), LA)).isEmpty();
    assertThat(QuietHours.deferral(ZonedDateTime.of(2025, 6, 2, 20, 59, 0, 0, LA).toInstant(), LA)).isEmpty();
    assertThat(QuietHours.deferral(late, ZoneId.of("America/New_York")))
        .as("midnight in New York").contains(ZonedDateTime.of(2025, 6, 3, 8, 0, 0, 0, ZoneId.of("America/New_York")));
  }

  @Test
  void a_follow_up_re_asks_the_open_question_by_first_name_and_checks_in_when_none_is_open() {
    FollowUpTexts t = FollowUpTexts.defaults();
    assertThat(t.render("seller", "price", false, "Jorge", "Maria Lopez"))
        .startsWith("Hi Maria, ").contains("Jorge's team").contains("price");
    assertThat(t.render("buyer", "financing", false, "Jorge", null)).startsWith("Hi, ").contains("pre-approved");
    assertThat(t.render("seller", null, false, "Jorge", "Ann")).contains("just checking in");
    assertThat(t.render("seller", "price", true, "Jorge", "Ann")).contains("if your plans change");
    assertThat(new FollowUpTexts(java.util.Map.of("checkin", "Hey{name}! {agent} here.")).render(null, null, false, "Ana", "Bo"))
        .isEqualTo("Hey Bo! Ana here.");
  }
}
