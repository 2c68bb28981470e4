package ai.jorge.scoring;

import ai.jorge.events.EventDrafts;
import ai.jorge.InvalidInputException;
import ai.jorge.NotFoundException;
import ai.jorge.conversation.TurnListener;
import ai.jorge.events.Event;
import ai.jorge.events.EventLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores leads with the active model. A stored lead is scored from its facts as of the scoring
 * time; the score is persisted and emitted as {@code lead.scored} in the caller's transaction (a
 * conversation turn re-scores its lead this way, through {@link #turnListener()}). Pre-computed
 * features are scored without storing anything, since they belong to no stored lead. Records {@code
 * jorge_model_inference_seconds} and the {@code jorge_lead_score} histogram. Thread-safe.
 */
public final class Scorer {
  private static final Logger log = LoggerFactory.getLogger(Scorer.class);
  private static final double[] SCORE_BUCKETS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

  private final Jdbi jdbi;
  private final ActiveModel model;
  private final StoredFacts facts;
  private final FeatureExtractor extractor = new FeatureExtractor();
  private final EventLog events;
  private final ObjectMapper json;
  private final double commissionRate;
  private final Clock clock;
  private final Timer inference;
  private final DistributionSummary scores;
  private final Counter failures;

  public Scorer(
      Jdbi jdbi,
      ActiveModel model,
      EventLog events,
      ObjectMapper json,
      ZoneId teamZone,
      double commissionRate,
      MeterRegistry meters,
      Clock clock) {
    this.jdbi = jdbi;
    this.model = model;
    this.facts = new StoredFacts(json, teamZone);
    this.events = events;
    this.json = json;
    this.commissionRate = commissionRate;
    this.clock = clock;
    this.inference =
        Timer.builder("jorge.model.inference")
            .description("one lead score by the active model")
            .publishPercentileHistogram()
            .register(meters);
    this.scores =
        DistributionSummary.builder("jorge.lead.score")
            .description("lead scores (0-100) given")
            .serviceLevelObjectives(SCORE_BUCKETS)
            .register(meters);
    this.failures = Counter.builder("jorge.scoring.failures").register(meters);
  }

  /** Scores pre-computed features now; nothing is stored. */
  public LeadScore score(LeadFeatures features) {
    return build(null, features, clock.instant(), null);
  }

  /**
   * Scores a stored lead as of now in a transaction of its own, stores the score and emits {@code
   * lead.scored}.
   *
   * @throws NotFoundException when there is no such lead
   */
  public LeadScore scoreLead(String contactId) {
    Instant now = clock.instant();
    List<Event> out = new ArrayList<>();
    LeadScore s =
        jdbi.inTransaction(
            h -> {
              EventDrafts drafts = new EventDrafts();
              LeadScore scored =
                  scoreStored(h, contactId, now, drafts)
                      .orElseThrow(() -> new NotFoundException("lead", contactId));
              out.addAll(events.append(h, drafts));
              return scored;
            });
    events.publish(out);
    return s;
  }

  /** Re-scores the lead after each turn, inside the turn's transaction. */
  public TurnListener turnListener() {
    return (h, batch, out) -> {
      String contactId = batch.contact().id();
      try {
        scoreStored(h, contactId, batch.now(), out);
      } catch (InvalidInputException e) {
        failures.increment();
        log.warn("lead {} not scored: {} {}", contactId, e.getMessage(), e.details());
      }
    };
  }

  /** The features of a stored lead as of a time, or empty when there is no such lead. */
  Optional<LeadFeatures> features(Handle h, String contactId, Instant asOf) {
    return facts.read(h, contactId, asOf).map(f -> extractor.extract(f, asOf));
  }

  StoredFacts facts() {
    return facts;
  }

  private Optional<LeadScore> scoreStored(
      Handle h, String contactId, Instant asOf, EventDrafts out) {
    Optional<LeadFeatures> features = features(h, contactId, asOf);
    if (features.isEmpty()) {
      return Optional.empty();
    }
    String temperature =
        h.createQuery("SELECT temperature FROM conversations WHERE contact_id = :c")
            .bind("c", contactId)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    LeadScore s = build(contactId, features.get(), asOf, temperature);
    Map<String, Object> factors = LeadScore.factors(s.score());
    h.createUpdate(
            "INSERT INTO scores (contact_id, model_version, probability, score, factors, features,"
                + " expected_commission, expected_close_days, scored_at) VALUES (:c, :v, :p, :s,"
                + " :f, :x, :ec, :ed, :at)")
        .bind("c", contactId)
        .bind("v", s.score().modelVersion())
        .bind("p", s.score().probability())
        .bind("s", s.score().score())
        .bind("f", write(factors))
        .bind("x", write(features.get().toMap()))
        .bind("ec", s.expectedCommission())
        .bind("ed", s.expectedCloseDays())
        .bind("at", s.scoredAt())
        .execute();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contact_id", contactId);
    data.put("probability", s.score().probability());
    data.put("score", s.score().score());
    data.put("model_version", s.score().modelVersion());
    data.put("factors", factors);
    data.put("expected_commission", s.expectedCommission());
    data.put("expected_close_days", s.expectedCloseDays());
    data.put("temperature", temperature);
    out.add("leads", "lead.scored", data);
    return Optional.of(s);
  }

  /** The latest stored score of a lead as shown in the contact view, or null when never scored. */
  public Object latestView(String contactId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT model_version, probability, score, factors, expected_commission,"
                        + " expected_close_days, scored_at FROM scores WHERE contact_id = :c"
                        + " ORDER BY id DESC LIMIT 1")
                .bind("c", contactId)
                .map(
                    (rs, ctx) -> {
                      Map<String, Object> v = new LinkedHashMap<>();
                      v.put("probability", rs.getDouble("probability"));
                      v.put("score", rs.getInt("score"));
                      v.put("model_version", rs.getString("model_version"));
                      v.put("factors", read(rs.getString("factors")));
                      double commission = rs.getDouble("expected_commission");
                      v.put("expected_commission", rs.wasNull() ? null : commission);
                      v.put("expected_close_days", rs.getInt("expected_close_days"));
                      v.put("scored_at", rs.getTimestamp("scored_at").toInstant());
                      return v;
                    })
                .findOne()
                .orElse(null));
  }

  private LeadScore build(String leadId, LeadFeatures features, Instant at, String temperature) {
    LeadModel m = model.get();
    if (m == null) {
      throw new IllegalStateException("no scoring model loaded yet");
    }
    long started = System.nanoTime();
    Score score = m.score(features);
    inference.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    scores.record(score.score());
    OptionalDouble commission =
        Commission.expectedCommission(score.probability(), features, commissionRate);
    return new LeadScore(
        leadId,
        score,
        commission.isPresent() ? commission.getAsDouble() : null,
        Commission.expectedCloseDays(features),
        at,
        temperature);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable", e);
    }
  }

  private Object read(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt stored factors", e);
    }
  }
}
