package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrgencyAndConditionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          I need to sell my house fast                                  | high
          ASAP please                                                   | high
          it's urgent                                                   | high
          we're behind on payments                                      | high
          can you help us sell quickly?                                 | high
          no rush really                                                | low
          just curious what it's worth                                  | low
          someday maybe                                                 | low
          not planning to sell anytime soon                             | low
          not in a hurry                                                | low
          hoping to sell soon                                           | medium
          sometime in the next few months                               | medium
          probably this spring                                          | medium
          No, that's too quick. We'd need about 3 months                | -
          it's move-in ready                                            | -
          """)
  void rates_urgency(String text, String urgency) {
    assertThat(UrgencyParser.parse(text).orElse(null)).isEqualTo(urgency);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          It's move-in ready, we just redid the kitchen     | move_in_ready
          Good shape, move in ready                         | move_in_ready
          completely remodeled two years ago                | move_in_ready
          it's in great condition                           | move_in_ready
          turnkey                                           | move_in_ready
          Needs some paint and new carpet                   | minor_repairs
          just cosmetic stuff                               | minor_repairs
          a little TLC                                      | minor_repairs
          kitchen is dated                                  | minor_repairs
          it's not move-in ready                            | minor_repairs
          It needs a lot of work honestly                   | major_repairs
          It's a fixer, needs a new roof                    | major_repairs
          foundation issues                                 | major_repairs
          there's water damage in the basement              | major_repairs
          it needs a full remodel                           | major_repairs
          no idea what you mean                             | -
          """)
  void classifies_condition(String text, String condition) {
    assertThat(ConditionParser.parse(text, false).orElse(null)).isEqualTo(condition);
  }

  @ParameterizedTest(name = "{0} -> {1} when asked")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          it's fine            | move_in_ready
          pretty good          | move_in_ready
          needs work           | minor_repairs
          hmm                  | -
          """)
  void reads_loose_condition_answers_only_when_asked(String text, String condition) {
    assertThat(ConditionParser.parse(text, true).orElse(null)).isEqualTo(condition);
    assertThat(ConditionParser.parse(text, false)).isEmpty();
  }
}
