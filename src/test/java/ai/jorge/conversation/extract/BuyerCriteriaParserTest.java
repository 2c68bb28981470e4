package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.conversation.BotSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuyerCriteriaParserTest {
  private final BuyerCriteriaParser parser =
      new BuyerCriteriaParser(BotSettings.DEFAULT_SERVICE_AREAS);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          Looking to buy a 3 bed 2 bath in Rancho Cucamonga, budget 800k | 3 | 2   | -    | -      | 800000  | Rancho Cucamonga
          I want to buy a home near 91739, 4 bedrooms, up to $950,000    | 4 | -   | -    | -      | 950000  | -
          3/2 in Upland under 700k                                      | 3 | 2   | -    | -      | 700000  | Upland
          4 bed 2.5 bath in chino hills                                 | 4 | 2.5 | -    | -      | -       | Chino Hills
          three bedrooms, two and a half baths                          | 3 | 2.5 | -    | -      | -       | -
          2 1/2 baths, 5 beds                                           | 5 | 2.5 | -    | -      | -       | -
          at least 2,000 sq ft in Ontario                               | - | -   | 2000 | -      | -       | Ontario
          2k sqft minimum                                               | - | -   | 2000 | -      | -       | -
          between 600k and 750k in Fontana                              | - | -   | -    | 600000 | 750000  | Fontana
          $500-600k, 3br 2ba                                            | 3 | 2   | -    | 500000 | 600000  | -
          at least $700k, 4 beds                                        | 4 | -   | -    | 700000 | -       | -
          something in Rancho, 1.2 million max                          | - | -   | -    | -      | 1200000 | Rancho Cucamonga
          Chino, 3 bedroom, 1 bath                                      | 3 | 1   | -    | -      | -       | Chino
          EASTVALE 5 bedrooms                                           | 5 | -   | -    | -      | -       | Eastvale
          4 bedroom in 92336 around 850k                                | 4 | -   | -    | -      | 850000  | -
          1800 square feet, 3 bed, 2 bath, 91739                        | 3 | 2   | 1800 | -      | -       | -
          """)
  void reads_beds_baths_size_price_range_and_area(
      String text, Integer beds, Double baths, Long sqft, Long min, Long max, String area) {
    BuyerCriteria c = parser.parse(text, false);
    assertThat(c.beds()).isEqualTo(beds);
    assertThat(c.baths() == null ? null : c.baths().doubleValue()).isEqualTo(baths);
    assertThat(c.sqftMin()).isEqualTo(sqft);
    assertThat(c.priceMin()).isEqualTo(min);
    assertThat(c.priceMax()).isEqualTo(max);
    assertThat(c.area()).isEqualTo(area);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          3 bed 2 bath     | java.lang.Integer
          3 bed 2.5 bath   | java.lang.Double
          """)
  void whole_baths_are_integers_and_halves_are_doubles(String text, String type) {
    assertThat(parser.parse(text, false).baths().getClass().getName()).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          Pre-approved with Chase              | preapproved
          we're preapproved for 700k           | preapproved
          got our pre-approval letter          | preapproved
          paying cash                          | cash
          all cash offer                       | cash
          Not yet, still talking to lenders    | not_yet
          not pre-approved yet                 | not_yet
          haven't talked to a lender           | not_yet
          working on it                        | not_yet
          we're pre-qualified                  | not_yet
          we'll need an FHA loan               | not_yet
          not paying cash, we need a loan      | not_yet
          what do you mean                     | -
          """)
  void reads_financing(String text, String financing) {
    assertThat(FinancingParser.parse(text, false).orElse(null)).isEqualTo(financing);
  }

  @ParameterizedTest(name = "{0} -> {1} when asked")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          yes          | preapproved
          yep we are   | preapproved
          no           | not_yet
          nope         | not_yet
          """)
  void yes_or_no_reads_as_financing_only_when_asked(String text, String financing) {
    assertThat(FinancingParser.parse(text, true)).contains(financing);
    assertThat(FinancingParser.parse(text, false)).isEmpty();
  }
}
