package ai.jorge.conversation.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaQuestionDetectorTest {

  @ParameterizedTest(name = "bot question: {0}")
  @ValueSource(
      strings = {
        "wait are you a bot?",
        "Are you a real person?",
        "is this a bot",
        "r u a robot",
        "am I talking to a human?",
        "is this automated?",
        "are you AI?",
        "who is this?"
      })
  void recognises_sincere_bot_questions(String text) {
    assertThat(MetaQuestionDetector.asksIfBot(text)).isTrue();
  }

  @ParameterizedTest(name = "not a bot question: {0}")
  @ValueSource(
      strings = {
        "we're relocating",
        "is this price fair?",
        "are you available Tuesday",
        "the robot vacuum stays"
      })
  void ordinary_messages_are_not_bot_questions(String text) {
    assertThat(MetaQuestionDetector.asksIfBot(text)).isFalse();
  }

  @ParameterizedTest(name = "advice: {0}")
  @ValueSource(
      strings = {
        "Will I owe capital gains tax?", "should I do a 1031 exchange?",
            "Do I need a lawyer for this?",
        "how are taxes handled when I sell", "should I refinance first?",
            "Is it legal to sell during probate?"
      })
  void recognises_legal_tax_and_financial_advice_questions(String text) {
    assertThat(MetaQuestionDetector.asksForAdvice(text)).isTrue();
  }

  @ParameterizedTest(name = "not advice: {0}")
  @ValueSource(strings = {"my lawyer is handling the divorce", "taxes are paid up", "around 600k"})
  void statements_mentioning_those_topics_are_not_advice_questions(String text) {
    assertThat(MetaQuestionDetector.asksForAdvice(text)).isFalse();
  }
}
