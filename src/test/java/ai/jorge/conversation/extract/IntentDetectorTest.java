package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentDetectorTest {

  @ParameterizedTest(name = "{0} -> seller {1}, buyer {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I want to sell                                         | 1.0 | 0.0
          Hi, I'm thinking about selling my house                | 1.0 | 0.0
          thinking of selling                                    | 1.0 | 0.0
          listing my house this spring                           | 1.0 | 0.0
          What's my home worth?                                  | 1.0 | 0.0
          how much could I get for my place                      | 1.0 | 0.0
          can you buy my house?                                  | 1.0 | 0.0
          looking to buy                                         | 0.0 | 1.0
          we need a 3 bed                                        | 0.0 | 1.0
          house hunting in Upland                                | 0.0 | 1.0
          first-time buyer here                                  | 0.0 | 1.0
          Both actually, we need to sell our place and buy a bigger one | 1.0 | 1.0
          we're pre-approved                                     | 0.0 | 0.3
          pre-approved and saving for a down payment             | 0.0 | 0.6
          pre-approved, down payment ready, lender lined up      | 0.0 | 0.9
          checked my zestimate                                   | 0.3 | 0.0
          hey                                                    | 0.0 | 0.0
          what's the weather like                                | 0.0 | 0.0
          """)
  void scores_explicit_goals_at_one_and_weak_signals_at_point_three(
      String text, double seller, double buyer) {
    Intent intent = IntentDetector.detect(text, false);
    assertThat(intent.seller()).isCloseTo(seller, org.assertj.core.data.Offset.offset(0.001));
    assertThat(intent.buyer()).isCloseTo(buyer, org.assertj.core.data.Offset.offset(0.001));
  }

  @ParameterizedTest(name = "{0} answering the intent question -> seller {1}, buyer {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          selling    | 1.0 | 0.0
          sell       | 1.0 | 0.0
          buy        | 0.0 | 1.0
          buying!    | 0.0 | 1.0
          both       | 1.0 | 1.0
          Both.      | 1.0 | 1.0
          """)
  void one_word_answers_to_the_intent_question_are_explicit(
      String text, double seller, double buyer) {
    Intent intent = IntentDetector.detect(text, true);
    assertThat(intent.seller()).isEqualTo(seller);
    assertThat(intent.buyer()).isEqualTo(buyer);
  }

  @ParameterizedTest(name = "{0} -> seller declined {1}, buyer declined {2}, not interested {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not planning to sell, just curious                          | true  | false | false
          Just curious what my house would sell for                   | true  | false | false
          we're not selling                                           | true  | false | false
          I don't want to sell for less than 600k                     | false | false | false
          we can't sell until June                                    | false | false | false
          not looking to buy right now                                | false | true  | false
          not interested                                              | false | false | true
          changed my mind                                             | false | false | true
          """)
  void recognises_a_stated_lack_of_plans(
      String text, boolean seller, boolean buyer, boolean notInterested) {
    Intent intent = IntentDetector.detect(text, false);
    assertThat(intent.sellerDeclined()).isEqualTo(seller);
    assertThat(intent.buyerDeclined()).isEqualTo(buyer);
    assertThat(intent.notInterested()).isEqualTo(notInterested);
  }
}
