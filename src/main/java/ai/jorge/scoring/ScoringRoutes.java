package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import ai.jorge.JorgeException;
import ai.jorge.guard.DangerousOperations;
import ai.jorge.web.ApiError;
import ai.jorge.web.Authenticator;
import ai.jorge.web.HttpStatusException;
import ai.jorge.web.JsonBodies;
import ai.jorge.web.Role;
import ai.jorge.web.RouteGroup;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring API of SPEC §4: score by lead or by features, batch scoring, the model registry,
 * training and rollback, and recording a lead's outcome. Score and model routes need a viewer key,
 * outcomes an agent key, training and rollback an admin key.
 */
public final class ScoringRoutes implements RouteGroup {
  static final int MAX_BATCH = 1_000;
  static final int MAX_BATCH_BYTES = 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(ScoringRoutes.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final Scorer scorer;
  private final ModelRegistry registry;
  private final LearningLoop learning;
  private final Promotions promotions;
  private final JsonBodies bodies;
  private final ObjectMapper json;
  private final DangerousOperations operations;

  public ScoringRoutes(
      Jdbi jdbi,
      Scorer scorer,
      ModelRegistry registry,
      LearningLoop learning,
      Promotions promotions,
      JsonBodies bodies,
      ObjectMapper json,
      DangerousOperations operations) {
    this.jdbi = jdbi;
    this.scorer = scorer;
    this.registry = registry;
    this.learning = learning;
    this.promotions = promotions;
    this.bodies = bodies;
    this.json = json;
    this.operations = operations;
  }

  @Override
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/ml/score", ctx -> ctx.json(scoreItem(bodies.object(ctx))), Role.VIEWER);
    routes.post("/api/v1/ml/batch-score", this::batch, Role.VIEWER);
    routes.get("/api/v1/ml/model", ctx -> ctx.json(model()), Role.VIEWER);
    routes.post(
        "/api/v1/ml/train",
        ctx -> {
          authorizePromotion(ctx);
          ctx.json(learning.train("api").view());
        },
        Role.ADMIN);
    routes.post(
        "/api/v1/ml/rollback",
        ctx -> {
          authorizePromotion(ctx);
          ctx.json(promotions.rollback());
        },
        Role.ADMIN);
    routes.post("/api/v1/contacts/{id}/outcome", this::outcome, Role.AGENT);
  }

  /**
   * Training may promote a model and rollback re-activates one: both pass the guard's layer 4
   * (admin only, with a {@code reason} in the body, audited) before anything changes.
   */
  private void authorizePromotion(Context ctx) {
    String reason = JsonBodies.optionalText(bodies.object(ctx), "reason");
    operations.authorize(
        DangerousOperations.PROMOTE_MODEL,
        Authenticator.caller(ctx).role().wireName(),
        reason == null ? "" : reason,
        1);
  }

  private Map<String, Object> scoreItem(JsonNode item) {
    if (item == null || !item.isObject()) {
      throw new InvalidInputException("an item must be a JSON object");
    }
    JsonNode lead = item.get("lead_id");
    JsonNode features = item.get("features");
    if ((lead == null) == (features == null)) {
      throw new InvalidInputException(
          "give exactly one of lead_id or features", List.of("lead_id", "features"));
    }
    if (lead != null) {
      if (!lead.isTextual() || lead.asText().isBlank()) {
        throw new InvalidInputException("lead_id must be a non-empty string", List.of("lead_id"));
      }
      return scorer.scoreLead(lead.asText()).view();
    }
    if (!features.isObject()) {
      throw new InvalidInputException("features must be a JSON object", List.of("features"));
    }
    return scorer.score(LeadFeatures.fromMap(json.convertValue(features, MAP))).view();
  }

  private void batch(Context ctx) {
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length > MAX_BATCH_BYTES) {
      throw new HttpStatusException(
          413, "payload_too_large", "request body exceeds " + MAX_BATCH_BYTES + " bytes");
    }
    JsonNode items = bodies.object(raw).get("items");
    if (items == null || !items.isArray()) {
      throw new InvalidInputException("items must be an array", List.of("items"));
    }
    if (items.size() > MAX_BATCH) {
      throw new InvalidInputException(
          "at most " + MAX_BATCH + " items per batch, got " + items.size(), List.of("items"));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    List<Map<String, Object>> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("index", i);
        r.putAll(scoreItem(items.get(i)));
        results.add(r);
      } catch (JorgeException e) {
        List<String> details = e instanceof InvalidInputException in ? in.details() : List.of();
        errors.add(error(i, ApiError.of(e.code(), e.getMessage(), details)));
      } catch (RuntimeException e) {
        log.error("batch item {} failed", i, e);
        errors.add(error(i, ApiError.of("internal", "internal error", List.of())));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", results);
    body.put("errors", errors);
    ctx.json(body);
  }

  private static Map<String, Object> error(int index, ApiError error) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("index", index);
    e.put("error", error.error());
    return e;
  }

  private Map<String, Object> model() {
    List<ModelRegistry.Entry> versions = jdbi.withHandle(registry::list);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "active",
        versions.stream()
            .filter(v -> ModelRegistry.ACTIVE.equals(v.status()))
            .findFirst()
            .map(ScoringRoutes::full)
            .orElse(null));
    body.put("versions", versions.stream().map(ScoringRoutes::brief).toList());
    body.put("retrain", learning.status());
    return body;
  }

  private static Map<String, Object> full(ModelRegistry.Entry e) {
    Map<String, Object> v = brief(e);
    v.put("metrics", e.metrics());
    v.put("provenance", e.provenance());
    return v;
  }

  private static Map<String, Object> brief(ModelRegistry.Entry e) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("version", e.version());
    v.put("status", e.status());
    v.put("created_at", e.createdAt());
    v.put("activated_at", e.activatedAt());
    v.put("trained_by", e.trainedBy());
    v.put("training_data", e.trainingData());
    Map<String, Object> headline = new LinkedHashMap<>();
    for (String k : List.of("auc", "brier", "ece", "top_decile_lift", "holdout_rows")) {
      headline.put(k, e.metrics().get(k));
    }
    v.put("metrics", headline);
    v.put("decision", e.decision());
    return v;
  }

  private void outcome(Context ctx) {
    JsonNode body = bodies.object(ctx);
    List<String> problems = new ArrayList<>();
    String outcome = JsonBodies.requiredText(body, "outcome", problems);
    String atText = JsonBodies.optionalText(body, "at");
    Instant at = null;
    if (atText != null) {
      try {
        at = Instant.parse(atText);
      } catch (DateTimeParseException e) {
        problems.add("at");
      }
    }
    JsonBodies.failIfAny(problems);
    String by =
        Authenticator.caller(ctx).subject() + ":" + Authenticator.caller(ctx).role().wireName();
    ctx.status(201)
        .json(
            learning.recordOutcome(
                ctx.pathParam("id"), outcome, at, JsonBodies.optionalText(body, "note"), by));
  }
}
