package ai.jorge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dashboard APIs after a scripted set of conversations, on H2 and PostgreSQL: every number
 * is checked against what the script did and against the contact views.
 */
class DashboardApiIT {
  private static final ObjectMapper JSON = Json.newMapper();
  private static final Map<Backend, TestApp> apps = new EnumMap<>(Backend.class);
  private static final Map<Backend, Map<String, String>> ids = new EnumMap<>(Backend.class);

  private static final Map<String, List<String>> SCRIPT = new LinkedHashMap<>();

  static {
    SCRIPT.put(
        "Hannah Hot",
        List.of(
            "Hi, I'm thinking about selling my house",
            "We're relocating to Austin for my husband's job",
            "Yes, 30-45 days would actually be perfect",
            "It's move-in ready, we just redid the kitchen",
            "We'd want around $725k",
            "The first one works"));
    SCRIPT.put(
        "Walter Warm",
        List.of(
            "What's my home worth? We might sell",
            "Kids moved out, we want to downsize",
            "No, that's too quick. We'd need about 3 months",
            "Needs some paint and new carpet",
            "550,000"));
    SCRIPT.put(
        "Bella Buyer",
        List.of(
            "I want to buy a home near 91739, 4 bedrooms, up to $950,000",
            "Not yet, still talking to lenders",
            "Probably in 2 months"));
    SCRIPT.put("Chris Concierge", List.of("hey"));
    SCRIPT.put("Sam Stop", List.of("I might sell my house next year", "STOP"));
  }

  @BeforeAll
  static void start() {
    for (Backend b : Backend.values()) {
      TestApp app = TestApp.start(b);
      apps.put(b, app);
      Map<String, String> byName = new LinkedHashMap<>();
      SCRIPT.forEach(
          (name, lines) -> {
            String session = "dash-" + name.replace(' ', '-');
            String id = null;
            for (String line : lines) {
              var body = JSON.createObjectNode().put("session_id", session).put("text", line).put("name", name);
              var r = app.post("/api/v1/chat/messages", body.toString());
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              id = r.json().get("contact_id").asText();
            }
            byName.put(name, id);
          });
      ids.put(b, byName);
    }
  }

  @AfterAll
  static void stop() {
    apps.values().forEach(TestApp::close);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_overview_numbers_match_the_scripted_conversations_and_the_database(Backend backend) {
    TestApp app = apps.get(backend);
    var r = app.get("/api/v1/dashboard/metrics", TestApp.admin());
    assertThat(r.status()).isEqualTo(200);
    JsonNode m = r.json();
    assertThat(m.get("total_leads").asLong()).isEqualTo(5).isEqualTo(app.count("contacts"));
    assertThat(m.get("new_leads_today").asLong()).isEqualTo(5);
    assertThat(m.get("active_conversations").asLong()).isEqualTo(4);
    assertThat(m.get("hot_leads").asLong()).isEqualTo(1);
    assertThat(m.get("appointments_booked").asLong()).isEqualTo(1).isEqualTo(app.count("appointments"));
    assertThat(m.get("qualified_leads").asLong()).isEqualTo(2);
    assertThat(m.get("qualification_rate").asDouble()).isEqualTo(0.4);
    assertThat(m.get("median_first_response_seconds").asDouble()).isBetween(0.0, 5.0);
    assertThat(m.get("pipeline_expected_commission").isNull()).isEqualTo(!hasTable(app, "scores"));

    Map<String, Long> temperatures = new LinkedHashMap<>(Map.of("HOT", 0L, "WARM", 0L, "COLD", 0L));
    long[] seller = new long[5];
    long[] buyer = new long[5];
    for (String id : ids.get(backend).values()) {
      JsonNode view = app.get("/api/v1/contacts/" + id, TestApp.admin()).json();
      if (!view.at("/qualification/opted_out").asBoolean() && !view.get("temperature").isNull()) {
        temperatures.merge(view.get("temperature").asText(), 1L, Long::sum);
      }
      tally(view.at("/qualification/seller/answers"), List.of(List.of("motivation"),
          List.of("accepts_fast_sale", "timeline_days"), List.of("condition"), List.of("price")), seller);
      tally(view.at("/qualification/buyer/answers"), List.of(
          List.of("criteria", "beds", "baths", "sqft_min", "price_min", "price_max", "area"),
          List.of("financing"), List.of("timeline_days"), List.of("motivation")), buyer);
    }
    assertThat(m.at("/temperatures/HOT").asLong()).isEqualTo(temperatures.get("HOT")).isEqualTo(1);
    assertThat(m.at("/temperatures/WARM").asLong()).isEqualTo(temperatures.get("WARM")).isEqualTo(2);
    assertThat(m.at("/temperatures/COLD").asLong()).isEqualTo(temperatures.get("COLD"));
    assertThat(funnel(m.at("/funnel/seller"))).containsExactly(seller);
    assertThat(funnel(m.at("/funnel/buyer"))).containsExactly(buyer);
    assertThat(seller[0]).isEqualTo(3);
    assertThat(seller[4]).isEqualTo(2);
    assertThat(buyer).containsExactly(1, 1, 1, 1, 0);

    assertThat(app.get("/api/dashboard/metrics", TestApp.admin()).json().get("total_leads").asLong()).isEqualTo(5);
    assertThat(app.get("/api/v1/dashboard/metrics").status()).isEqualTo(401);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void leads_filter_sort_and_page(Backend backend) {
    TestApp app = apps.get(backend);
    Map<String, String> byName = ids.get(backend);

    JsonNode hot = app.get("/api/v1/leads?temperature=hot", TestApp.admin()).json();
    assertThat(hot.get("total").asLong()).isEqualTo(1);
    assertThat(hot.at("/items/0/id").asText()).isEqualTo(byName.get("Hannah Hot"));
    assertThat(hot.at("/items/0/name").asText()).isEqualTo("Hannah Hot");
    assertThat(hot.at("/items/0/last_message/author").asText()).isEqualTo("bot");
    assertThat(hot.at("/items/0/last_message/text").asText()).isNotBlank();

    JsonNode buyers = app.get("/api/v1/leads?bot=buyer", TestApp.admin()).json();
    assertThat(ids(buyers)).containsExactly(byName.get("Bella Buyer"));
    assertThat(ids(app.get("/api/v1/leads?q=walter", TestApp.admin()).json())).containsExactly(byName.get("Walter Warm"));

    JsonNode byCreation = app.get("/api/v1/leads?sort=created_at&size=2&page=1", TestApp.admin()).json();
    JsonNode page2 = app.get("/api/v1/leads?sort=created_at&size=2&page=2", TestApp.admin()).json();
    JsonNode page3 = app.get("/api/v1/leads?sort=created_at&size=2&page=3", TestApp.admin()).json();
    List<String> all = new ArrayList<>(ids(byCreation));
    all.addAll(ids(page2));
    all.addAll(ids(page3));
    assertThat(all).containsExactlyElementsOf(byName.values());
    assertThat(byCreation.get("total").asLong()).isEqualTo(5);
    assertThat(ids(app.get("/api/v1/leads?sort=-temperature&size=1", TestApp.admin()).json()))
        .containsExactly(byName.get("Hannah Hot"));
    assertThat(ids(app.get("/api/v1/leads?sort=name", TestApp.admin()).json()))
        .containsExactly(byName.get("Bella Buyer"), byName.get("Chris Concierge"), byName.get("Hannah Hot"),
            byName.get("Sam Stop"), byName.get("Walter Warm"));

    var bad = app.get("/api/v1/leads?sort=phone&size=1000&temperature=lukewarm", TestApp.admin());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/details").toString()).contains("sort").contains("size").contains("temperature");
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  private static void tally(JsonNode answers, List<List<String>> steps, long[] counts) {
    if (answers.isMissingNode() || answers.isNull()) {
      return;
    }
    counts[0]++;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).stream().anyMatch(answers::has)) {
        counts[i + 1]++;
      }
    }
  }

  private static long[] funnel(JsonNode side) {
    long[] out = new long[5];
    out[0] = side.get("leads").asLong();
    for (int i = 0; i < 4; i++) {
      out[i + 1] = side.at("/steps/" + i + "/leads").asLong();
    }
    return out;
  }

  private static boolean hasTable(TestApp app, String table) {
    return new OptionalTables(app.app().database().jdbi()).has(table);
  }
}
