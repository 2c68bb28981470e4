package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.Ghl;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conversation scenario of {@code ../shared/data/conversations/public-scenarios.json}, turn
 * by turn through the running App's chat API, on H2 and on PostgreSQL.
 */
class ScenariosIT {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);

  @BeforeAll
  static void start() {
    for (Backend b : Backend.values()) {
      apps.put(b, TestApp.start(b));
    }
  }

  @AfterAll
  static void stop() {
    apps.values().forEach(TestApp::close);
  }

  static JsonNode scenarios() throws Exception {
    return JSON.readTree(
        Files.readString(Ghl.DATA.resolve("conversations").resolve("public-scenarios.json")));
  }

  @TestFactory
  Stream<DynamicTest> every_public_scenario_passes_over_http() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      for (JsonNode scenario : scenarios()) {
        String id = scenario.get("id").asText();
        tests.add(DynamicTest.dynamicTest(backend + " " + id, () -> run(apps.get(backend), backend + "-" + id, scenario)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(2 * 10);
    return tests.stream();
  }

  private static void run(TestApp app, String session, JsonNode scenario) {
    int turn = 0;
    for (JsonNode t : scenario.get("turns")) {
      turn++;
      String lead = t.get("lead").asText();
      var response = app.chat(session, lead);
      String where = scenario.get("id").asText() + " turn " + turn + " (\"" + lead + "\"): " + response.body();
      assertThat(response.status()).as(where).isEqualTo(200);
      JsonNode r = response.json();
      String contactId = r.get("contact_id").asText();
      StringBuilder joined = new StringBuilder();
      for (JsonNode reply : r.get("replies")) {
        String text = reply.get("text").asText();
        assertThat(text.length()).as(where).isLessThanOrEqualTo(320);
        assertThat(text).as(where).doesNotContain(contactId);
        joined.append(text).append('\n');
      }
      check(t.get("expect"), r, joined.toString(), where);
    }
  }

  private static void check(JsonNode expect, JsonNode r, String replies, String where) {
    for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode want = e.getValue();
      switch (e.getKey()) {
        case "bot" -> assertThat(r.get("bot").asText()).as(where).isEqualTo(want.asText());
        case "asking" ->
            assertThat(r.get("asking").isNull() ? null : r.get("asking").asText())
                .as(where)
                .isEqualTo(want.isNull() ? null : want.asText());
        case "temperature" -> assertThat(r.get("temperature").asText()).as(where).isEqualTo(want.asText());
        case "replies" -> assertThat(r.get("replies").size()).as(where).isEqualTo(want.asInt());
        case "opted_out" ->
            assertThat(r.at("/qualification/opted_out").asBoolean()).as(where).isEqualTo(want.asBoolean());
        case "appointment_booked" ->
            assertThat(!r.at("/qualification/appointment").isNull() && !r.at("/qualification/appointment").isMissingNode())
                .as(where)
                .isEqualTo(want.asBoolean());
        case "answers" -> {
          for (Iterator<Map.Entry<String, JsonNode>> sides = want.fields(); sides.hasNext(); ) {
            var side = sides.next();
            for (Iterator<Map.Entry<String, JsonNode>> a = side.getValue().fields(); a.hasNext(); ) {
              var answer = a.next();
              JsonNode got = r.at("/qualification/" + side.getKey() + "/answers/" + answer.getKey());
              assertThat(got.isMissingNode()).as(where + " missing " + side.getKey() + "." + answer.getKey()).isFalse();
              if (answer.getValue().isNumber()) {
                assertThat(got.decimalValue().compareTo(answer.getValue().decimalValue()))
                    .as(where + " " + answer.getKey() + " = " + got)
                    .isZero();
              } else {
                assertThat(got).as(where + " " + answer.getKey()).isEqualTo(answer.getValue());
              }
            }
          }
        }
        case "reply_matches" ->
            want.forEach(
                re ->
                    assertThat(Pattern.compile(re.asText(), Pattern.CASE_INSENSITIVE).matcher(replies).find())
                        .as(where + " matches /" + re.asText() + "/")
                        .isTrue());
        case "reply_not_matches" ->
            want.forEach(
                re ->
                    assertThat(Pattern.compile(re.asText(), Pattern.CASE_INSENSITIVE).matcher(replies).find())
                        .as(where + " does not match /" + re.asText() + "/")
                        .isFalse());
        default -> throw new AssertionError("unknown expectation " + e.getKey() + " in " + where);
      }
    }
  }
}
