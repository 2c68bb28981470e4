package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MotivationParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We're relocating to Austin for my husband's job          | relocation
          got a job transfer to Phoenix                            | relocation
          I got a new job in Seattle                               | relocation
          we're moving to Denver next spring                       | relocation
          military orders, PCS in March                            | relocation
          going through a divorce                                  | divorce
          my wife and I are separating                             | divorce
          we need to stop the foreclosure                          | foreclosure
          we're behind on payments                                 | foreclosure
          I inherited it from my mom                               | inheritance
          my dad passed away and left us the house                 | inheritance
          it's my late mother's house, probate just closed         | inheritance
          Kids moved out, we want to downsize                      | downsizing
          the house is too big for just the two of us              | downsizing
          empty nesters now                                        | downsizing
          Growing family, we need a bigger place                   | upsizing
          we're expecting a baby and need more space               | upsizing
          we've outgrown the place                                 | upsizing
          I'm retiring next year                                   | retirement
          we're retired and want to travel                         | retirement
          health reasons, can't do the stairs anymore              | medical
          moving into assisted living                              | medical
          tired of being a landlord                                | landlord_exit
          the tenants just moved out                               | landlord_exit
          it's a rental and I'm done with it                       | landlord_exit
          we can't afford the payments anymore                     | financial
          lost my job and need to cash out                         | financial
          divorce, so we want something smaller                    | divorce
          we're moving to a smaller place                          | downsizing
          """)
  void classifies_the_reason_for_moving(String text, String category) {
    assertThat(MotivationParser.parse(text, false)).map(Motivation::category).contains(category);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          We're relocating to Austin for my husband's job    | Austin
          moving to denver                                   | Denver
          Relocating to San Diego next month                 | San Diego
          transferred to Boise in January                    | Boise
          """)
  void picks_out_a_named_destination(String text, String destination) {
    assertThat(MotivationParser.parse(text, false))
        .map(Motivation::destination)
        .contains(destination);
  }

  @ParameterizedTest(name = "nothing in: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          hmm
          idk
          not sure
          Hi, I'm thinking about selling my house
          What's my home worth? We might sell
          we're going to need more info first
          """)
  void finds_no_category_without_a_reason(String text) {
    assertThat(MotivationParser.parse(text, false)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1} when asked")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          we just want a change of scenery   | other
          it's time for something new        | other
          hmm                                | -
          idk                                | -
          no reason                          | -
          """)
  void an_asked_but_unclassified_answer_is_other(String text, String category) {
    assertThat(MotivationParser.parse(text, true).map(Motivation::category).orElse(null))
        .isEqualTo(category);
  }
}
