package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutDetectorTest {

  @ParameterizedTest(name = "opt-out: {0}")
  @ValueSource(
      strings = {
        "STOP",
        "stop",
        "Stop.",
        "Stop please.",
        "STOP!!!",
        "please stop",
        "stop thanks",
        "STOPALL",
        "stop all",
        "UNSUBSCRIBE",
        "unsubscribe please",
        "CANCEL",
        "End",
        "QUIT",
        "revoke",
        "OPTOUT",
        "opt-out",
        "opt out",
        "Opt out please",
        "  stop  ",
        "\"stop\"",
        "stop texting me",
        "Please stop texting me!",
        "remove me from your list",
        "take me off your list",
        "don't contact me again",
        "do not text me",
        "leave me alone",
        "stop messaging me",
        "lose my number",
        "no more texts please"
      })
  void opt_out_words_and_clear_phrases_opt_out(String text) {
    assertThat(OptOutDetector.isOptOut(text)).isTrue();
  }

  @ParameterizedTest(name = "not an opt-out: {0}")
  @ValueSource(
      strings = {
        "We have to stop the foreclosure",
        "We need to stop the foreclosure on our house, can you help us sell quickly?",
        "can't stop thinking about that house",
        "by the end of the month",
        "I want to cancel my listing with the other agent",
        "I quit my job and we're moving",
        "near the bus stop",
        "when does the lease end",
        "stop by anytime",
        "Thinking of selling",
        "the end",
        "stop sign on the corner"
      })
  void stop_words_inside_a_sentence_are_not_opt_outs(String text) {
    assertThat(OptOutDetector.isOptOut(text)).isFalse();
  }

  @ParameterizedTest(name = "opt-in: {0}")
  @ValueSource(strings = {"START", "start", "Start.", "UNSTOP", "unstop please", "start again"})
  void start_and_unstop_resubscribe(String text) {
    assertThat(OptOutDetector.isOptIn(text)).isTrue();
  }

  @ParameterizedTest(name = "not an opt-in: {0}")
  @ValueSource(strings = {"hello?", "let's start with the price", "when can we start", "stop"})
  void other_messages_do_not_resubscribe(String text) {
    assertThat(OptOutDetector.isOptIn(text)).isFalse();
  }
}
