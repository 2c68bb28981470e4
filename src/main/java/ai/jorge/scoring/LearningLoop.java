package ai.jorge.scoring;

import ai.jorge.InvalidInputException;
import ai.jorge.config.JorgeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning loop of SPEC §4: records outcomes, trains a candidate on the labelled leads in the
 * database and hands it to {@link Promotions}; the nightly job does the same when at least {@code
 * JORGE_RETRAIN_MIN_OUTCOMES} outcomes were recorded since the last training. With fewer than
 * {@value #TEAM_ONLY_ROWS} labelled leads the team's leads are joined by as many synthetic leads
 * (at least {@value #MIN_SYNTHETIC_BASE}), dated before the oldest team lead, so that the team's
 * own leads form the newest part of the data: the calibration slice and the holdout. Thread-safe.
 */
public final class LearningLoop {
  static final int TEAM_ONLY_ROWS = 1_000;
  static final int MIN_SYNTHETIC_BASE = 400;
  private static final Logger log = LoggerFactory.getLogger(LearningLoop.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Jdbi jdbi;
  private final ModelRegistry registry;
  private final Scorer scorer;
  private final Promotions promotions;
  private final Outcomes outcomes;
  private final int retrainMinOutcomes;
  private final Clock clock;

  public LearningLoop(
      Jdbi jdbi,
      ModelRegistry registry,
      Scorer scorer,
      Promotions promotions,
      JorgeConfig.Learning learning,
      Clock clock) {
    this.jdbi = jdbi;
    this.registry = registry;
    this.scorer = scorer;
    this.promotions = promotions;
    this.outcomes = new Outcomes(learning.conversionOutcomes());
    this.retrainMinOutcomes = learning.retrainMinOutcomes();
    this.clock = clock;
  }

  /** Stores an outcome of a lead; see {@code POST /api/v1/contacts/{id}/outcome}. */
  public Map<String, Object> recordOutcome(
      String contactId, String outcome, Instant at, String note, String recordedBy) {
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> outcomes.record(h, contactId, outcome, at, note, recordedBy, now));
  }

  /**
   * Trains a candidate on the labelled leads and promotes it only when it is no worse.
   *
   * @throws InvalidInputException when the data cannot train a model
   */
  public Promotions.Decision train(String trainedBy) {
    TribuoLogging.quiet();
    List<LabelledLead> team = jdbi.withHandle(h -> outcomes.labelled(h, scorer));
    long converted = team.stream().filter(LabelledLead::converted).count();
    String teamText =
        team.size() + " team leads (" + converted + " converted) from recorded outcomes";
    List<LabelledLead> data = new ArrayList<>(team);
    String description = teamText;
    if (team.size() < TEAM_ONLY_ROWS) {
      int base = Math.max(team.size(), MIN_SYNTHETIC_BASE);
      data.addAll(syntheticBefore(team, base));
      description = teamText + " + " + SyntheticLeads.describe(DefaultModel.SEED, base);
    }
    String version = "m" + STAMP.format(clock.instant()) + "-" + suffix();
    TrainedModel trained = new ModelTrainer().train(data, version, description);
    return promotions.submit(trained, trainedBy);
  }

  /** The nightly job: trains when enough outcomes arrived since the last training. */
  public void retrainIfDue() {
    long fresh = newOutcomes();
    if (fresh < retrainMinOutcomes) {
      log.debug("{} new outcomes, retraining at {}", fresh, retrainMinOutcomes);
      return;
    }
    try {
      Promotions.Decision d = train("job");
      log.info("nightly retrain: {}", d.reason());
    } catch (InvalidInputException e) {
      log.warn("nightly retrain skipped: {} {}", e.getMessage(), e.details());
    }
  }

  /** Outcomes recorded since the newest model version was trained. */
  public long newOutcomes() {
    return jdbi.withHandle(
        h -> outcomes.recordedSince(h, registry.lastTrainedAt(h).orElse(Instant.EPOCH)));
  }

  public int retrainMinOutcomes() {
    return retrainMinOutcomes;
  }

  /** Synthetic leads from the default model's generator, all older than the oldest team lead. */
  private static List<LabelledLead> syntheticBefore(List<LabelledLead> team, int n) {
    List<LabelledLead> synthetic = SyntheticLeads.generate(DefaultModel.SEED, n);
    if (team.isEmpty()) {
      return synthetic;
    }
    Instant oldestTeam = team.stream().map(LabelledLead::at).min(Comparator.naturalOrder()).get();
    Instant newestSynthetic =
        synthetic.stream().map(LabelledLead::at).max(Comparator.naturalOrder()).get();
    if (newestSynthetic.isBefore(oldestTeam)) {
      return synthetic;
    }
    Duration shift = Duration.between(oldestTeam, newestSynthetic).plusDays(1);
    return synthetic.stream()
        .map(l -> new LabelledLead(l.features(), l.converted(), l.at().minus(shift)))
        .toList();
  }

  private static String suffix() {
    byte[] b = new byte[2];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Retrain status for {@code GET /api/v1/ml/model}. */
  Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("new_outcomes", newOutcomes());
    s.put("min_new_outcomes", retrainMinOutcomes);
    return s;
  }
}
