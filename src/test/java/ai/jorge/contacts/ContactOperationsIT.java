package ai.jorge.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contact export and deletion through the running App (SPEC §8 layer 4): admin only, with a reason,
 * counted and audited; a deletion leaves no row keyed to the contact. On H2 and PostgreSQL.
 */
class ContactOperationsIT {
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

  private static String lead(TestApp app, String session) {
    var first =
        app.post(
            "/api/v1/chat/messages",
            JSON.createObjectNode()
                .put("session_id", session)
                .put("text", "Hi, I want to sell my house, we're relocating")
                .put("name", "Maria Lopez")
                .put("phone", "+15125550142")
                .put("email", "maria." + session + "@example.com")
                .toString());
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String id = first.json().get("contact_id").asText();
    app.chat(session, "in about two months");
    return id;
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static double layer4(TestApp app, String decision) {
    return Scrape.value(app, "jorge_guard_decisions_total", "layer", "4", "decision", decision);
  }

  private static List<JsonNode> audit(TestApp app, String operation) throws Exception {
    return Files.readAllLines(app.app().config().guardAuditLog()).stream()
        .map(
            l -> {
              try {
                return JSON.readTree(l);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .filter(n -> operation.equals(n.path("operation").asText()))
        .toList();
  }

  private static String[] bearer(String key) {
    return new String[] {"Authorization", "Bearer " + key};
  }

  private static String agentKey(TestApp app, String name) {
    var r =
        app.post(
            "/api/v1/api-keys", "{\"name\":\"" + name + "\",\"role\":\"agent\"}", TestApp.admin());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("key").asText();
  }

  private static TestApp.Response deleteWithBody(TestApp app, String path, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TestApp.API_KEY)
            .method("DELETE", HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new TestApp.Response(r.statusCode(), r.body(), r.headers().map());
  }

  /** Every table of the schema with a contact_id column, read from the catalogue. */
  private static List<String> tablesWithContactId(TestApp app) {
    return app.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT DISTINCT table_name FROM information_schema.columns"
                            + " WHERE LOWER(column_name) = 'contact_id'"
                            + " AND table_schema = CURRENT_SCHEMA")
                    .mapTo(String.class)
                    .map(t -> t.toLowerCase(Locale.ROOT))
                    .list());
  }

  private static long rowsFor(TestApp app, String table, String contactId) {
    return app.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE contact_id = :c")
                    .bind("c", contactId)
                    .mapTo(Long.class)
                    .one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_export_without_a_reason_is_refused_and_returns_no_contact(Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    String id = lead(app, "export-noreason-" + backend);
    double blocked = layer4(app, "block");

    var r = app.get("/api/v1/contacts/export", TestApp.admin());

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("operation_refused");
    assertThat(r.body()).doesNotContain(id).doesNotContain("@example.com");
    assertThat(layer4(app, "block")).isEqualTo(blocked + 1);
    assertThat(audit(app, "export_contacts"))
        .anySatisfy(
            a -> {
              assertThat(a.get("decision").asText()).isEqualTo("block");
              assertThat(a.get("rule").asText()).isEqualTo("operation.reason_required");
              assertThat(a.get("role").asText()).isEqualTo("admin");
            });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_admin_with_a_reason_exports_every_contact_as_csv(Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    String a = lead(app, "export-a-" + backend);
    String b = lead(app, "export-b-" + backend);
    double allowed = layer4(app, "allow");
    String reason = "quarterly CRM reconciliation " + backend;

    var r = app.get("/api/v1/contacts/export?reason=" + q(reason), TestApp.admin());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/csv");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("id,name,phone,email,channel,source,created_at,bot,temperature,opted_out");
    assertThat(lines).hasSize((int) app.count("contacts") + 1);
    for (String id : List.of(a, b)) {
      JsonNode view = app.get("/api/v1/contacts/" + id, TestApp.admin()).json();
      String row = lines.stream().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow();
      String[] cells = row.split(",", -1);
      assertThat(cells).hasSize(10);
      assertThat(cells[1]).isEqualTo(view.get("name").asText()).isEqualTo("Maria Lopez");
      assertThat(cells[2]).isEqualTo(view.get("phone").asText()).isEqualTo("+15125550142");
      assertThat(cells[3]).isEqualTo(view.get("email").asText()).endsWith("@example.com");
      assertThat(cells[7]).isEqualTo(view.get("bot").asText());
      assertThat(cells[4]).isEqualTo("web_chat");
      assertThat(cells[9]).isEqualTo("false");
    }
    assertThat(layer4(app, "allow")).isEqualTo(allowed + 1);
    assertThat(audit(app, "export_contacts"))
        .anySatisfy(
            e -> {
              assertThat(e.get("decision").asText()).isEqualTo("allow");
              assertThat(e.get("given_reason").asText()).isEqualTo(reason);
              assertThat(e.get("count").asInt()).isGreaterThanOrEqualTo(2);
            });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_agent_key_cannot_export_even_with_a_reason(Backend backend) {
    TestApp app = apps.get(backend);
    String id = lead(app, "export-agent-" + backend);
    String key = agentKey(app, "agent export " + backend);

    var r = app.get("/api/v1/contacts/export?reason=" + q("I just want them"), bearer(key));

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).doesNotContain(id).doesNotContain("@example.com");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_delete_without_a_reason_is_refused_and_keeps_the_contact(Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    String id = lead(app, "delete-noreason-" + backend);
    double blocked = layer4(app, "block");

    var r = app.delete("/api/v1/contacts/" + id, TestApp.admin());

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("operation_refused");
    assertThat(app.get("/api/v1/contacts/" + id, TestApp.admin()).status()).isEqualTo(200);
    assertThat(rowsFor(app, "messages", id)).isPositive();
    assertThat(layer4(app, "block")).isEqualTo(blocked + 1);
    assertThat(audit(app, "delete_contacts"))
        .anySatisfy(
            a -> {
              assertThat(a.get("decision").asText()).isEqualTo("block");
              assertThat(a.get("count").asInt()).isEqualTo(1);
            });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_delete_with_a_reason_removes_every_row_keyed_to_the_contact(Backend backend) throws Exception {
    TestApp app = apps.get(backend);
    String id = lead(app, "delete-" + backend);
    String other = lead(app, "delete-bystander-" + backend);
    var outcome = app.post("/api/v1/contacts/" + id + "/outcome", "{\"outcome\":\"won\"}", TestApp.admin());
    assertThat(outcome.status()).as(outcome.body()).isEqualTo(201);
    List<String> tables = tablesWithContactId(app);
    assertThat(tables).contains("messages", "conversations", "outbox", "outcomes", "answer_history");
    for (String t : List.of("messages", "conversations", "outcomes", "answer_history")) {
      assertThat(rowsFor(app, t, id)).as(t).isPositive();
    }
    long otherMessages = rowsFor(app, "messages", other);
    double allowed = layer4(app, "allow");

    var r = deleteWithBody(app, "/api/v1/contacts/" + id, "{\"reason\":\"lead asked to be forgotten\"}");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("contact_id").asText()).isEqualTo(id);
    for (String t : tables) {
      assertThat(rowsFor(app, t, id)).as(t).isZero();
    }
    assertThat(app.count("contacts WHERE id = '" + id + "'")).isZero();
    assertThat(app.get("/api/v1/contacts/" + id, TestApp.admin()).status()).isEqualTo(404);
    assertThat(rowsFor(app, "messages", other)).isEqualTo(otherMessages);
    assertThat(layer4(app, "allow")).isEqualTo(allowed + 1);

    List<String> eventData =
        app.app()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT type, data FROM events WHERE POSITION(:n IN data) > 0")
                        .bind("n", "\"" + id + "\"")
                        .map((rs, ctx) -> rs.getString("type") + " " + rs.getString("data"))
                        .list());
    assertThat(eventData).anySatisfy(e -> assertThat(e).startsWith("contact.deleted "));
    assertThat(eventData).allSatisfy(e -> assertThat(e).doesNotContain("Maria").doesNotContain("@example.com").doesNotContain("forgotten"));
    assertThat(audit(app, "delete_contacts"))
        .anySatisfy(
            a -> {
              assertThat(a.get("decision").asText()).isEqualTo("allow");
              assertThat(a.get("given_reason").asText()).isEqualTo("lead asked to be forgotten");
            });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_delete_takes_the_reason_from_the_query_and_answers_404_for_an_unknown_contact(Backend backend) {
    TestApp app = apps.get(backend);
    String id = lead(app, "delete-query-" + backend);

    var r = app.delete("/api/v1/contacts/" + id + "?reason=" + q("duplicate lead"), TestApp.admin());
    var missing = app.delete("/api/v1/contacts/ct_nobody?reason=" + q("duplicate lead"), TestApp.admin());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(app.get("/api/v1/contacts/" + id, TestApp.admin()).status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_agent_key_cannot_delete_a_contact(Backend backend) {
    TestApp app = apps.get(backend);
    String id = lead(app, "delete-agent-" + backend);
    String key = agentKey(app, "agent delete " + backend);

    var r = app.delete("/api/v1/contacts/" + id + "?reason=" + q("cleanup"), bearer(key));

    assertThat(r.status()).isEqualTo(403);
    assertThat(app.get("/api/v1/contacts/" + id, TestApp.admin()).status()).isEqualTo(200);
  }
}
