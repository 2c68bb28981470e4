package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the engine over arbitrary text and conversation stages. */
class EnginePropertyTest {
  private static final List<String> WORDS =
      List.of(
          "sell",
          "buy",
          "stop",
          "START",
          "both",
          "$650k",
          "91739",
          "3 bed",
          "2.5 bath",
          "asap",
          "next year",
          "first",
          "Tuesday",
          "2:30",
          "not interested",
          "are you a bot?",
          "tax?",
          "neither",
          "cash",
          "pre-approved",
          "hmm",
          "six fifty",
          "between 1.1 and 1.3 million",
          "by March",
          "relocating to Austin",
          "move-in ready",
          "fixer",
          "😀",
          "\n",
          "",
          "   ",
          "?",
          "...");

  @Provide
  Arbitrary<String> messages() {
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(400);
    Arbitrary<String> phrases =
        Arbitraries.of(WORDS).list().ofMaxSize(8).map(l -> String.join(" ", l));
    return Arbitraries.oneOf(any, phrases);
  }

  @Provide
  Arbitrary<List<String>> conversations() {
    return messages().list().ofMaxSize(8);
  }

  @Property(tries = 300)
  void handle_never_throws_and_every_reply_fits(@ForAll("conversations") List<String> lines) {
    for (BotSettings settings :
        List.of(BotSettings.defaults(), new BotSettings("Jorge", 60, null, null))) {
      var c = new Fixtures.Conversation(settings);
      for (String line : lines) {
        TurnResult r = c.say(line);
        assertThat(r.replies())
            .allSatisfy(
                reply -> assertThat(reply.text().length()).isBetween(1, settings.maxReplyChars()));
        assertThat(r.state()).isNotNull();
      }
    }
  }

  @Property(tries = 200)
  void a_single_arbitrary_message_at_any_stage_never_throws(@ForAll("messages") String text) {
    var engine = new ConversationEngine(BotSettings.defaults());
    var c = new Fixtures.Conversation();
    for (String line : List.of("sell", "relocating", "yes", "good shape", "700k")) {
      TurnResult r = engine.handle(c.state, text, Fixtures.CTX);
      assertThat(r.replies())
          .allSatisfy(reply -> assertThat(reply.text().length()).isLessThanOrEqualTo(320));
      c.say(line);
    }
  }
}
