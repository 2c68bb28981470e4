package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppointmentChoiceParserTest {
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final ZonedDateTime NOW = at("2026-11-23T09:00");
  private static final ZonedDateTime TUE_10 = at("2026-11-24T10:00");
  private static final ZonedDateTime WED_1430 = at("2026-11-25T14:30");
  private static final List<ZonedDateTime> OFFERED = List.of(TUE_10, WED_1430);
  private static final List<ZonedDateTime> OPEN =
      List.of(
          TUE_10,
          at("2026-11-24T15:00"),
          WED_1430,
          at("2026-11-26T11:00"),
          at("2026-11-27T09:30"),
          at("2026-11-27T13:00"));

  private static ZonedDateTime at(String local) {
    return LocalDateTime.parse(local).atZone(LA);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          The first one works            | 2026-11-24T10:00
          first                          | 2026-11-24T10:00
          the 1st please                 | 2026-11-24T10:00
          Tuesday works                  | 2026-11-24T10:00
          tues is good                   | 2026-11-24T10:00
          tomorrow                       | 2026-11-24T10:00
          10am                           | 2026-11-24T10:00
          10:00 works                    | 2026-11-24T10:00
          Tuesday at 10                  | 2026-11-24T10:00
          Tuesday morning                | 2026-11-24T10:00
          either is fine                 | 2026-11-24T10:00
          sure                           | 2026-11-24T10:00
          the second one                 | 2026-11-25T14:30
          2nd                            | 2026-11-25T14:30
          the later one                  | 2026-11-25T14:30
          2:30                           | 2026-11-25T14:30
          2:30pm works                   | 2026-11-25T14:30
          Wednesday afternoon            | 2026-11-25T14:30
          wed works better               | 2026-11-25T14:30
          Thursday at 11 instead         | 2026-11-26T11:00
          how about Tuesday at 3pm       | 2026-11-24T15:00
          """)
  void picks_the_slot_the_lead_means(String text, String local) {
    assertThat(AppointmentChoiceParser.parse(text, OFFERED, OPEN, NOW))
        .isEqualTo(new AppointmentChoice.Picked(at(local)));
  }

  @ParameterizedTest(name = "declined: {0}")
  @ValueSource(
      strings = {
        "neither",
        "Neither works",
        "not now",
        "no thanks",
        "maybe later",
        "none of those",
        "no"
      })
  void refusals_decline(String text) {
    assertThat(AppointmentChoiceParser.parse(text, OFFERED, OPEN, NOW))
        .isInstanceOf(AppointmentChoice.Declined.class);
  }

  @ParameterizedTest(name = "unclear: {0}")
  @ValueSource(strings = {"what's this about?", "hmm", "who will call me", "Saturday"})
  void other_replies_are_unclear(String text) {
    assertThat(AppointmentChoiceParser.parse(text, OFFERED, OPEN, NOW))
        .isInstanceOf(AppointmentChoice.Unclear.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Friday?", "could we do friday"})
  void a_day_alone_with_open_times_offers_that_days_times(String text) {
    assertThat(AppointmentChoiceParser.parse(text, OFFERED, OPEN, NOW))
        .isEqualTo(
            new AppointmentChoice.OtherDay(
                List.of(at("2026-11-27T09:30"), at("2026-11-27T13:00"))));
  }
}
