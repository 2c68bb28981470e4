package ai.jorge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scoring API over HTTP, with every error, on H2 and PostgreSQL. */
class ScoringApiIT {
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
    String id =
        app.chat(session, "Hi, I'm thinking about selling my house")
            .json()
            .get("contact_id")
            .asText();
    app.post(
        "/api/v1/contacts/" + id + "/messages",
        "{\"text\":\"We're relocating to Austin\"}",
        TestApp.admin());
    return id;
  }

  private static ObjectNode featuresBody() {
    ObjectNode body = JSON.createObjectNode();
    body.set("features", JSON.valueToTree(Leads.hotSeller().toMap()));
    return body;
  }

  private static long scoredEvents(TestApp app, String contactId) {
    return app.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM events WHERE topic = 'leads' AND type = 'lead.scored'"
                            + " AND data LIKE :c")
                    .bind("c", "%" + contactId + "%")
                    .mapTo(Long.class)
                    .one());
  }

  private static long scoreRows(TestApp app, String contactId) {
    return app.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM scores WHERE contact_id = :c")
                    .bind("c", contactId)
                    .mapTo(Long.class)
                    .one());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void scoring_a_stored_lead_answers_the_full_shape_and_persists_and_emits_it(Backend backend) {
    TestApp app = apps.get(backend);
    String id = lead(app, "score-lead-" + backend);
    long rows = scoreRows(app, id);
    long events = scoredEvents(app, id);

    var r = app.post("/api/v1/ml/score", "{\"lead_id\":\"" + id + "\"}", TestApp.admin());

    assertThat(r.status()).isEqualTo(200);
    JsonNode j = r.json();
    assertThat(j.get("lead_id").asText()).isEqualTo(id);
    assertThat(j.get("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(j.get("score").asInt())
        .isEqualTo((int) Math.round(100 * j.get("probability").asDouble()));
    assertThat(j.get("model_version").asText()).isEqualTo(DefaultModel.VERSION);
    assertThat(j.at("/factors/positive").isArray()).isTrue();
    assertThat(j.at("/factors/negative").size()).isBetween(1, 3);
    assertThat(j.at("/factors/negative/0/feature").asText()).isIn(LeadFeatures.names());
    assertThat(j.at("/factors/negative/0/contribution").asDouble()).isNegative();
    assertThat(j.has("expected_commission")).isTrue();
    assertThat(j.get("expected_close_days").asInt()).isPositive();
    assertThat(j.get("scored_at").asText()).isNotBlank();
    assertThat(j.has("temperature")).isTrue();
    assertThat(scoreRows(app, id)).isEqualTo(rows + 1);
    assertThat(scoredEvents(app, id)).isEqualTo(events + 1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_unknown_lead_is_404_with_the_error_body(Backend backend) {
    var r = apps.get(backend).post("/api/v1/ml/score", "{\"lead_id\":\"test\"}", TestApp.admin());
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("not_found");
    assertThat(r.json().at("/error/message").asText()).contains("test");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void features_are_scored_with_commission_and_close_days_and_nothing_is_stored(Backend backend) {
    TestApp app = apps.get(backend);
    long rows = app.count("scores");
    var r = app.post("/api/v1/ml/score", featuresBody().toString(), TestApp.admin());

    assertThat(r.status()).isEqualTo(200);
    JsonNode j = r.json();
    double p = j.get("probability").asDouble();
    assertThat(j.get("expected_commission").asDouble())
        .isCloseTo(p * 650_000 * 0.06, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(j.get("expected_close_days").asInt()).isEqualTo(30 + 30);
    assertThat(j.has("lead_id")).isFalse();
    assertThat(j.has("temperature")).isFalse();
    assertThat(app.count("scores")).isEqualTo(rows);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void unknown_and_missing_features_are_a_400_naming_each(Backend backend) {
    ObjectNode body = featuresBody();
    ObjectNode f = (ObjectNode) body.get("features");
    f.remove("price");
    f.put("zip_code", "91730");
    var r = apps.get(backend).post("/api/v1/ml/score", body.toString(), TestApp.admin());

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_input");
    assertThat(r.json().at("/error/details").toString())
        .contains("unknown feature 'zip_code'")
        .contains("missing feature 'price'");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_score_request_needs_exactly_one_of_lead_id_or_features_and_a_key(Backend backend) {
    TestApp app = apps.get(backend);
    assertThat(app.post("/api/v1/ml/score", "{}", TestApp.admin()).status()).isEqualTo(400);
    ObjectNode both = featuresBody().put("lead_id", "ct_x");
    assertThat(app.post("/api/v1/ml/score", both.toString(), TestApp.admin()).status())
        .isEqualTo(400);
    assertThat(app.post("/api/v1/ml/score", "{\"features\":[1]}", TestApp.admin()).status())
        .isEqualTo(400);
    assertThat(app.post("/api/v1/ml/score", "{\"lead_id\":\"test\"}").status()).isEqualTo(401);
    assertThat(app.post("/api/v1/ml/batch-score", "{\"items\":[]}").status()).isEqualTo(401);
    assertThat(app.get("/api/v1/ml/model").status()).isEqualTo(401);
    assertThat(
            app.post("/api/v1/ml/score", "{\"lead_id\":", TestApp.admin())
                .json()
                .at("/error/code")
                .asText())
        .isEqualTo("malformed_json");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_batch_answers_every_good_item_and_reports_each_bad_one_by_index(Backend backend) {
    TestApp app = apps.get(backend);
    String id = lead(app, "batch-" + backend);
    ArrayNode items = JSON.createArrayNode();
    items.addObject().put("lead_id", id);
    items.addObject().put("lead_id", "ct_missing");
    items.add(featuresBody());
    ObjectNode bad = featuresBody();
    ((ObjectNode) bad.get("features")).put("channel", "fax");
    items.add(bad);
    items.add("not an object");

    var r =
        app.post(
            "/api/v1/ml/batch-score",
            JSON.createObjectNode().set("items", items).toString(),
            TestApp.admin());

    assertThat(r.status()).isEqualTo(200);
    JsonNode j = r.json();
    assertThat(j.get("results")).hasSize(2);
    assertThat(j.at("/results/0/index").asInt()).isEqualTo(0);
    assertThat(j.at("/results/0/lead_id").asText()).isEqualTo(id);
    assertThat(j.at("/results/1/index").asInt()).isEqualTo(2);
    assertThat(j.at("/results/1/probability").isNumber()).isTrue();
    assertThat(j.get("errors")).hasSize(3);
    assertThat(j.at("/errors/0/index").asInt()).isEqualTo(1);
    assertThat(j.at("/errors/0/error/code").asText()).isEqualTo("not_found");
    assertThat(j.at("/errors/1/index").asInt()).isEqualTo(3);
    assertThat(j.at("/errors/1/error/details").toString()).contains("channel");
    assertThat(j.at("/errors/2/index").asInt()).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_batch_of_a_thousand_feature_items_is_scored_and_more_is_refused(Backend backend) {
    TestApp app = apps.get(backend);
    ArrayNode items = JSON.createArrayNode();
    for (int i = 0; i < 1_000; i++) {
      items.add(featuresBody());
    }
    var ok =
        app.post(
            "/api/v1/ml/batch-score",
            JSON.createObjectNode().set("items", items).toString(),
            TestApp.admin());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("results")).hasSize(1_000);
    assertThat(ok.json().get("errors")).isEmpty();

    items.add(featuresBody());
    var tooMany =
        app.post(
            "/api/v1/ml/batch-score",
            JSON.createObjectNode().set("items", items).toString(),
            TestApp.admin());
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().at("/error/message").asText()).contains("1000");

    var notArray = app.post("/api/v1/ml/batch-score", "{\"items\":{}}", TestApp.admin());
    assertThat(notArray.status()).isEqualTo(400);
    assertThat(notArray.json().at("/error/details/0").asText()).isEqualTo("items");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void every_turn_rescores_its_lead_and_the_contact_view_shows_the_latest_score(Backend backend) {
    TestApp app = apps.get(backend);
    String id =
        app.chat("turns-" + backend, "Hi, I'm thinking about selling my house")
            .json()
            .get("contact_id")
            .asText();
    assertThat(scoreRows(app, id)).isEqualTo(1);
    app.post(
        "/api/v1/contacts/" + id + "/messages",
        "{\"text\":\"We're relocating to Austin\"}",
        TestApp.admin());
    app.post(
        "/api/v1/contacts/" + id + "/messages",
        "{\"text\":\"30-45 days would be perfect\"}",
        TestApp.admin());
    assertThat(scoreRows(app, id)).isEqualTo(3);
    assertThat(scoredEvents(app, id)).isEqualTo(3);

    JsonNode view = app.get("/api/v1/contacts/" + id, TestApp.admin()).json();
    JsonNode score = view.get("score");
    assertThat(score.get("model_version").asText()).isEqualTo(DefaultModel.VERSION);
    assertThat(score.get("probability").asDouble()).isBetween(0.0, 1.0);
    assertThat(score.at("/factors/positive").isArray()).isTrue();
    assertThat(view.get("temperature").isTextual()).isTrue();
    double stored =
        app.app()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT probability FROM scores WHERE contact_id = :c ORDER BY id DESC"
                                + " LIMIT 1")
                        .bind("c", id)
                        .mapTo(Double.class)
                        .one());
    assertThat(score.get("probability").asDouble()).isEqualTo(stored);

    String metrics = app.get("/metrics").body();
    assertThat(metrics)
        .contains("jorge_model_inference_seconds_bucket")
        .contains("jorge_lead_score_bucket")
        .contains("jorge_model_drift");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void the_model_route_shows_the_active_version_its_data_metrics_and_provenance(Backend backend) {
    var r = apps.get(backend).get("/api/v1/ml/model", TestApp.admin());
    assertThat(r.status()).isEqualTo(200);
    JsonNode active = r.json().get("active");
    assertThat(active.get("version").asText()).isNotBlank();
    assertThat(active.get("status").asText()).isEqualTo("active");
    assertThat(active.get("training_data").asText()).isNotBlank();
    assertThat(active.at("/metrics/auc").asDouble()).isGreaterThan(0.5);
    assertThat(active.at("/metrics/brier").isNumber()).isTrue();
    assertThat(active.at("/metrics/ece").isNumber()).isTrue();
    assertThat(active.at("/metrics/top_decile_lift").isNumber()).isTrue();
    assertThat(active.at("/metrics/reliability/0/observed_rate").isNumber()).isTrue();
    assertThat(active.at("/provenance/trainer").asText()).contains("LinearSGDTrainer");
    assertThat(active.at("/provenance/tribuo_version").asText()).isNotBlank();
    assertThat(r.json().get("versions").size()).isPositive();
    assertThat(r.json().at("/retrain/min_new_outcomes").asInt()).isEqualTo(50);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void outcomes_are_recorded_for_known_leads_and_validated(Backend backend) {
    TestApp app = apps.get(backend);
    String id = lead(app, "outcome-" + backend);
    long before = app.count("outcomes");

    var won =
        app.post(
            "/api/v1/contacts/" + id + "/outcome",
            "{\"outcome\":\"won\",\"note\":\"closed escrow\"}",
            TestApp.admin());
    assertThat(won.status()).isEqualTo(201);
    assertThat(won.json().get("converted").asBoolean()).isTrue();
    var noShow =
        app.post(
            "/api/v1/contacts/" + id + "/outcome",
            "{\"outcome\":\"appointment_no_show\"}",
            TestApp.admin());
    assertThat(noShow.json().get("converted").asBoolean()).isFalse();
    assertThat(app.count("outcomes")).isEqualTo(before + 2);

    assertThat(
            app.post("/api/v1/contacts/ct_none/outcome", "{\"outcome\":\"won\"}", TestApp.admin())
                .status())
        .isEqualTo(404);
    var bad =
        app.post("/api/v1/contacts/" + id + "/outcome", "{\"outcome\":\"maybe\"}", TestApp.admin());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/details/0").asText()).contains("won");
    var future =
        app.post(
            "/api/v1/contacts/" + id + "/outcome",
            "{\"outcome\":\"won\",\"at\":\"2999-01-01T00:00:00Z\"}",
            TestApp.admin());
    assertThat(future.status()).isEqualTo(400);
    var missing = app.post("/api/v1/contacts/" + id + "/outcome", "{}", TestApp.admin());
    assertThat(missing.json().at("/error/details/0").asText()).isEqualTo("outcome");
    assertThat(app.post("/api/v1/contacts/" + id + "/outcome", "{\"outcome\":\"won\"}").status())
        .isEqualTo(401);
    assertThat(app.count("outcomes")).isEqualTo(before + 2);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void training_needs_an_admin_and_records_the_candidate_with_its_decision(Backend backend) {
    TestApp app = apps.get(backend);
    String id = lead(app, "train-" + backend);
    app.post("/api/v1/contacts/" + id + "/outcome", "{\"outcome\":\"won\"}", TestApp.admin());
    assertThat(app.post("/api/v1/ml/train", "{}").status()).isEqualTo(401);
    long versions = app.count("model_versions");
    var unexplained = app.post("/api/v1/ml/train", "{}", TestApp.admin());
    assertThat(unexplained.status()).as("layer 4 wants a reason").isEqualTo(403);
    assertThat(unexplained.json().at("/error/code").asText()).isEqualTo("operation_refused");
    assertThat(app.count("model_versions")).isEqualTo(versions);
    assertThat(ai.jorge.support.Scrape.value(
            app, "jorge_guard_decisions_total", "layer", "4", "decision", "block"))
        .isGreaterThanOrEqualTo(1);

    var r = app.post("/api/v1/ml/train", "{\"reason\":\"new outcomes recorded\"}", TestApp.admin());

    assertThat(r.status()).isEqualTo(200);
    JsonNode j = r.json();
    assertThat(j.get("status").asText()).isIn("active", "rejected");
    assertThat(j.get("training_data").asText())
        .contains("1 team leads (1 converted)")
        .contains("synthetic");
    assertThat(j.at("/candidate_metrics/auc").isNumber()).isTrue();
    assertThat(j.at("/current_metrics_on_candidate_holdout/auc").isNumber()).isTrue();
    assertThat(j.get("reason").asText()).contains("AUC").contains("ECE");
    assertThat(app.count("model_versions")).isEqualTo(versions + 1);
    JsonNode listed = app.get("/api/v1/ml/model", TestApp.admin()).json().get("versions");
    assertThat(listed.toString()).contains(j.get("version").asText());
    long trained =
        app.app()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM events WHERE topic = 'ml' AND type ="
                                + " 'model.trained' AND data LIKE :v")
                        .bind("v", "%" + j.get("version").asText() + "%")
                        .mapTo(Long.class)
                        .one());
    assertThat(trained).isEqualTo(1);
  }
}
