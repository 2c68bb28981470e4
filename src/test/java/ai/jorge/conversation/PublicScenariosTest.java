package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every scenario in the shared public scenario file through the engine, turn by turn. */
class PublicScenariosTest {
  private static final Path FILE =
      Path.of("..", "shared", "data", "conversations", "public-scenarios.json");

  static Stream<Arguments> scenarios() throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(FILE));
    List<Arguments> out = new ArrayList<>();
    root.forEach(s -> out.add(Arguments.of(s.get("id").asText(), s)));
    assertThat(out).isNotEmpty();
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void every_expectation_of_the_public_scenario_holds(String id, JsonNode scenario) {
    var convo = new Fixtures.Conversation();
    int n = 0;
    for (JsonNode turn : scenario.get("turns")) {
      n++;
      String lead = turn.get("lead").asText();
      TurnResult r = convo.say(lead);
      String where =
          id + " turn " + n + " (\"" + lead + "\") replies=" + r.replies() + " state=" + r.state();
      String joined = convo.replyText(r);
      for (Reply reply : r.replies()) {
        assertThat(reply.text().length()).as(where).isLessThanOrEqualTo(320);
        assertThat(reply.text()).as(where).doesNotContain(id);
      }
      JsonNode expect = turn.get("expect");
      Iterator<Map.Entry<String, JsonNode>> fields = expect.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode v = e.getValue();
        switch (e.getKey()) {
          case "bot" -> assertThat(r.state().bot().wireName()).as(where).isEqualTo(v.asText());
          case "asking" ->
              assertThat(r.asking()).as(where).isEqualTo(v.isNull() ? null : v.asText());
          case "temperature" -> assertThat(r.temperature()).as(where).hasToString(v.asText());
          case "replies" -> assertThat(r.replies()).as(where).hasSize(v.asInt());
          case "opted_out" -> assertThat(r.optedOut()).as(where).isEqualTo(v.asBoolean());
          case "appointment_booked" ->
              assertThat(r.state().appointment() != null).as(where).isEqualTo(v.asBoolean());
          case "reply_matches" ->
              v.forEach(
                  rx -> assertThat(matches(rx.asText(), joined)).as(where + " ~ " + rx).isTrue());
          case "reply_not_matches" ->
              v.forEach(
                  rx -> assertThat(matches(rx.asText(), joined)).as(where + " !~ " + rx).isFalse());
          case "answers" -> checkAnswers(v, r.state(), where);
          default -> throw new AssertionError("unknown expect key " + e.getKey());
        }
      }
    }
  }

  private static boolean matches(String regex, String text) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).find();
  }

  private static void checkAnswers(JsonNode expected, ConversationState state, String where) {
    expected
        .fields()
        .forEachRemaining(
            side -> {
              SideState s = side.getKey().equals("seller") ? state.seller() : state.buyer();
              assertThat(s).as(where + " " + side.getKey()).isNotNull();
              side.getValue()
                  .fields()
                  .forEachRemaining(
                      answer -> {
                        Object actual = s.answers().get(answer.getKey());
                        JsonNode want = answer.getValue();
                        String what = where + " " + side.getKey() + "." + answer.getKey();
                        if (want.isNumber()) {
                          assertThat(actual).as(what).isInstanceOf(Number.class);
                          assertThat(new BigDecimal(actual.toString()))
                              .as(what)
                              .isEqualByComparingTo(want.decimalValue());
                        } else if (want.isBoolean()) {
                          assertThat(actual).as(what).isEqualTo(want.asBoolean());
                        } else {
                          assertThat(actual).as(what).isEqualTo(want.asText());
                        }
                      });
            });
  }
}
