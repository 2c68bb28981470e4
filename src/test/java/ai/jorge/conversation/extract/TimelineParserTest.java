package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineParserTest {
  private static final Instant NOW = Instant.parse("2026-11-23T17:00:00Z");
  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @ParameterizedTest(name = "{0} -> accepts={1} days={2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          Yes, 30-45 days would actually be perfect      | true  | 45
          yes that works                                 | true  | -
          Sure, 30 to 45 days is fine                    | true  | 45
          No, that's too quick. We'd need about 3 months | false | 90
          no rush really                                 | false | -
          nope                                           | false | -
          that's too soon for us                         | false | -
          absolutely, the sooner the better              | true  | -
          ASAP                                           | true  | 30
          as soon as possible                            | true  | 30
          ASAP, within 3 weeks                           | true  | 21
          in 2 months                                    | false | 60
          in two months                                  | false | 60
          within a month                                 | true  | 30
          a couple of months                             | false | 60
          a few weeks                                    | true  | 21
          6 weeks                                        | true  | 42
          next year                                      | false | 365
          by March                                       | false | 98
          end of March                                   | false | 128
          by spring                                      | false | 117
          next week                                      | true  | 7
          end of the month                               | true  | 7
          we'd need 60-90 days                           | false | 90
          half a year                                    | false | 183
          a year and a half                              | false | 548
          we can't, we need more time                    | false | -
          that could work                                | true  | -
          ok                                             | true  | -
          not sure                                       | -     | -
          """)
  void reads_the_answer_to_the_fast_sale_question(String text, Boolean accepts, Integer days) {
    assertThat(TimelineParser.parse(text, true, NOW, LA)).isEqualTo(new Timeline(accepts, days));
  }

  @ParameterizedTest(name = "{0} -> days={1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          ASAP, our lease ends in 3 weeks       | 21
          Probably in 2 months                  | 60
          in the next 30 days                   | 30
          1 to 3 months                         | 90
          just browsing                         | 180
          just looking for now                  | 180
          I might sell my house next year       | 365
          we've lived here 20 years             | -
          we bought it 5 years ago              | -
          I need to sell my house fast          | -
          yes                                   | -
          Pre-approved with Chase               | -
          """)
  void reads_spans_without_a_yes_or_no_question(String text, Integer days) {
    assertThat(TimelineParser.parse(text, false, NOW, LA).days()).isEqualTo(days);
  }
}
