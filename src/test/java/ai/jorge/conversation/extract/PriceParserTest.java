package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We'd want around $725k                         | 725000
          maybe 480,000?                                 | 480000
          550,000                                        | 550000
          $650k                                          | 650000
          650K                                           | 650000
          650k                                           | 650000
          $650,000                                       | 650000
          650000                                         | 650000
          1.2 million                                    | 1200000
          $1.2M                                          | 1200000
          1.2m                                           | 1200000
          around 700 thousand                            | 700000
          seven hundred thousand                         | 700000
          six hundred fifty thousand                     | 650000
          one point two million                          | 1200000
          a million                                      | 1000000
          half a million                                 | 500000
          900 grand                                      | 900000
          somewhere between 1.1 and 1.3 million          | 1200000
          between 500 and 550k                           | 525000
          500-550k                                       | 525000
          $500k to $550k                                 | 525000
          $600,000 - $650,000                            | 625000
          I'd list it for $1,050,000                     | 1050000
          asking price 825k                              | 825000
          I think it's worth about $2.5 million          | 2500000
          we were hoping for 1.05M                       | 1050000
          $ 640,000                                      | 640000
          mid 600s                                       | 650000
          low 700s                                       | 720000
          high 500s                                      | 580000
          like 1.5 mil                                   | 1500000
          we owe 300k but want 650k                      | 650000
          3 bed 2 bath, I'd want $600k                   | 600000
          built in 1998, asking 575,000                  | 575000
          zip 91739, price 800k                          | 800000
          call me at 909-555-1234, I want 700k           | 700000
          """)
  void reads_prices_in_every_common_form(String text, long dollars) {
    assertThat(PriceParser.parse(text, false)).contains(dollars);
  }

  @ParameterizedTest(name = "{0} -> {1} when asked")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          around 600                          | 600000
          six fifty                           | 650000
          seven twenty five                   | 725000
          maybe 575                           | 575000
          1.3                                 | 1300000
          600 to 650                          | 625000
          $600                                | 600000
          twelve hundred                      | 1200000
          something like 875                  | 875000
          nine hundred                        | 900000
          """)
  void reads_bare_numbers_as_thousands_when_a_price_was_asked(String text, long dollars) {
    assertThat(PriceParser.parse(text, true)).contains(dollars);
  }

  @ParameterizedTest(name = "no price in: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We live near 91739
          our zip code is 92336
          the house was built in 2005
          we bought it in 1999
          3 bed 2 bath
          4 bedrooms and 2.5 baths
          it's about 2,000 sq ft
          call me at 909-555-1234
          my number is (909) 555-1234
          text 9095551234
          we'd need about 3 months
          in 30-45 days
          kids are 5 and 7
          123 Main Street
          2 car garage
          around 600
          six fifty
          the 2nd one works
          2:30 works for me
          our lease ends in 3 weeks
          we've lived here 20 years
          unit 204
          we have 2 dogs
          """)
  void numbers_that_are_not_prices_are_ignored(String text) {
    assertThat(PriceParser.parse(text, false)).isEmpty();
  }

  @ParameterizedTest(name = "no price when asked: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not sure yet
          3 bed 2 bath
          zip is 91739
          in 2027
          call 909-555-1234
          """)
  void false_friends_stay_ignored_even_when_a_price_was_asked(String text) {
    assertThat(PriceParser.parse(text, true)).isEmpty();
  }
}
