package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bot-to-bot handoffs over HTTP in both directions, on H2 and PostgreSQL: the second goal is
 * acknowledged and queued, the handoff happens once the first side is done, is recorded and
 * emitted as {@code bot.handoff}, and the receiving bot asks nothing already known: no question is
 * sent twice in the whole conversation.
 */
class HandoffIT {
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);
  private static final Pattern QUESTION = Pattern.compile("[^.!?]*\\?");

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

  private static List<JsonNode> play(TestApp app, String session, String... messages) {
    List<JsonNode> out = new ArrayList<>();
    for (String m : messages) {
      var r = app.chat(session, m);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      out.add(r.json());
    }
    return out;
  }

  private static List<String> botQuestions(TestApp app, String contactId) {
    JsonNode view = app.get("/api/v1/contacts/" + contactId, TestApp.admin()).json();
    List<String> questions = new ArrayList<>();
    for (JsonNode line : view.get("transcript")) {
      if (line.get("author").asText().equals("bot")) {
        Matcher m = QUESTION.matcher(line.get("text").asText());
        while (m.find()) {
          questions.add(m.group().trim());
        }
      }
    }
    return questions;
  }

  private static List<JsonNode> handoffEvents(TestApp app, String contactId) throws Exception {
    List<String> data = app.app().database().jdbi().withHandle(h -> h.createQuery(
            "SELECT data FROM events WHERE topic = 'conversations' AND type = 'bot.handoff' ORDER BY seq")
        .mapTo(String.class).list());
    List<JsonNode> out = new ArrayList<>();
    var json = ai.jorge.Json.newMapper();
    for (String d : data) {
      JsonNode n = json.readTree(d);
      if (n.get("contact_id").asText().equals(contactId)) {
        out.add(n);
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void seller_then_buyer_hands_off_once_the_sale_is_booked_and_asks_nothing_twice(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    List<JsonNode> turns =
        play(app, "handoff-s2b-" + backend,
            "I want to sell my condo",
            "Growing family, we'll need to buy a bigger house nearby after",
            "Sure, 30 to 45 days is fine",
            "Good shape, move in ready",
            "around 600",
            "The first one works",
            "3 bed 2 bath in Ontario up to 700k",
            "Pre-approved",
            "within 2 months");
    String id = turns.get(0).get("contact_id").asText();
    assertThat(turns.get(1).get("replies").toString()).contains("find your next place too");
    assertThat(turns.get(4).get("bot").asText()).as("no handoff before the appointment is settled").isEqualTo("seller");
    assertThat(turns.get(5).get("bot").asText()).isEqualTo("buyer");
    assertThat(turns.get(5).get("asking").asText()).isEqualTo("criteria");

    List<JsonNode> events = handoffEvents(app, id);
    assertThat(events).extracting(e -> e.get("from").asText() + ">" + e.get("to").asText())
        .containsExactly("concierge>seller", "seller>buyer");
    assertThat(events.get(1).get("reason").asText()).contains("buyer goal queued during seller qualification");
    JsonNode handoffs = app.get("/api/v1/contacts/" + id, TestApp.admin()).json().get("handoffs");
    assertThat(handoffs).hasSize(2);
    assertThat(handoffs.get(1).get("to").asText()).isEqualTo("buyer");

    List<String> questions = botQuestions(app, id);
    assertThat(questions).doesNotHaveDuplicates();
    assertThat(questions).noneMatch(q -> q.contains("What's prompting the move"));
    JsonNode buyer = turns.get(8).get("qualification").get("buyer").get("answers");
    assertThat(buyer.get("motivation").asText()).as("carried over from the sale").isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void buyer_then_seller_hands_off_when_the_search_is_qualified_and_asks_nothing_twice(Backend backend)
      throws Exception {
    TestApp app = apps.get(backend);
    List<JsonNode> turns =
        play(app, "handoff-b2s-" + backend,
            "Looking to buy a 3 bed 2 bath in Rancho Cucamonga, budget 800k",
            "We also need to sell our current place",
            "Pre-approved with Chase",
            "Probably in 2 months",
            "We need more space for the kids",
            "No rush on the sale really",
            "needs some paint",
            "around 650k");
    String id = turns.get(0).get("contact_id").asText();
    assertThat(turns.get(1).get("replies").toString()).contains("selling your current home too");
    assertThat(turns.get(3).get("bot").asText()).isEqualTo("buyer");
    assertThat(turns.get(4).get("bot").asText()).isEqualTo("seller");
    assertThat(turns.get(4).get("asking").asText()).as("motivation is already known").isEqualTo("timeline");

    List<JsonNode> events = handoffEvents(app, id);
    assertThat(events).extracting(e -> e.get("from").asText() + ">" + e.get("to").asText())
        .containsExactly("concierge>buyer", "buyer>seller");
    assertThat(events.get(1).get("confidence").asDouble()).isGreaterThanOrEqualTo(0.8);

    List<String> questions = botQuestions(app, id);
    assertThat(questions).doesNotHaveDuplicates();
    assertThat(questions).noneMatch(q -> q.contains("What's got you thinking about selling"));
    assertThat(turns.get(7).get("qualification").get("seller").get("answers").get("price").asLong()).isEqualTo(650_000);
  }
}
