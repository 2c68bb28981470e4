package ai.jorge.scoring;

import ai.jorge.ConflictException;
import ai.jorge.events.Event;
import ai.jorge.events.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Decides and records what becomes of a trained candidate: the current model is evaluated on the
 * candidate's own time-ordered holdout, the {@link PromotionPolicy} compares the two, and the
 * candidate is stored as {@code active} (the current one retired) or {@code rejected}, with the
 * comparison, in one transaction that holds the active row's lock. Emits {@code model.trained} and,
 * on promotion or rollback, {@code model.promoted} (topic {@code ml}). Thread-safe.
 */
public final class Promotions {
  private final Jdbi jdbi;
  private final ModelRegistry registry;
  private final EventLog events;
  private final PromotionPolicy policy;
  private final Clock clock;

  public Promotions(
      Jdbi jdbi, ModelRegistry registry, EventLog events, PromotionPolicy policy, Clock clock) {
    this.jdbi = jdbi;
    this.registry = registry;
    this.events = events;
    this.policy = policy;
    this.clock = clock;
  }

  /** What happened to a candidate. {@code current} is null when there was no active model. */
  public record Decision(
      String version,
      boolean promoted,
      String previousVersion,
      ModelMetrics candidate,
      ModelMetrics current,
      String reason,
      String trainingData) {

    public Map<String, Object> view() {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("version", version);
      v.put("status", promoted ? ModelRegistry.ACTIVE : ModelRegistry.REJECTED);
      v.put("promoted", promoted);
      v.put("current_version", previousVersion);
      v.put("reason", reason);
      v.put("training_data", trainingData);
      v.put("candidate_metrics", candidate);
      v.put("current_metrics_on_candidate_holdout", current);
      return v;
    }
  }

  /**
   * Stores a candidate and promotes it only when the policy allows.
   *
   * @throws ConflictException when the version exists already
   */
  public Decision submit(TrainedModel trained, String trainedBy) {
    LeadModel candidate = trained.model();
    Instant now = clock.instant();
    List<Event> out = new ArrayList<>();
    Decision decision =
        jdbi.inTransaction(
            h -> {
              if (registry.exists(h, candidate.version())) {
                throw new ConflictException(
                    "model version '" + candidate.version() + "' exists already");
              }
              Optional<ModelRegistry.Entry> active = registry.lockActive(h);
              ModelMetrics current =
                  active
                      .map(
                          a ->
                              Evaluation.evaluate(registry.load(h, a.version()), trained.holdout()))
                      .orElse(null);
              boolean promote =
                  current == null || policy.shouldPromote(current, candidate.metrics());
              String previous = active.map(ModelRegistry.Entry::version).orElse(null);
              Decision d =
                  new Decision(
                      candidate.version(),
                      promote,
                      previous,
                      candidate.metrics(),
                      current,
                      reason(promote, current, candidate.metrics()),
                      candidate.provenance().dataDescription());
              Map<String, Object> stored = new LinkedHashMap<>();
              stored.put("promoted", promote);
              stored.put("current_version", previous);
              stored.put("reason", d.reason());
              stored.put("current_metrics_on_candidate_holdout", current);
              registry.insert(
                  h,
                  candidate,
                  promote ? ModelRegistry.ACTIVE : ModelRegistry.REJECTED,
                  trainedBy,
                  now,
                  promote ? now : null,
                  stored);
              if (promote && previous != null) {
                registry.retire(h, previous, ModelRegistry.RETIRED);
              }
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("version", candidate.version());
              data.put("status", promote ? ModelRegistry.ACTIVE : ModelRegistry.REJECTED);
              data.put("trained_by", trainedBy);
              data.put("data", candidate.provenance().dataDescription());
              data.put("metrics", summary(candidate.metrics()));
              data.put("current_version", previous);
              data.put("current_metrics", current == null ? null : summary(current));
              data.put("reason", d.reason());
              out.add(events.append(h, "ml", "model.trained", data));
              if (promote) {
                out.add(
                    events.append(
                        h,
                        "ml",
                        "model.promoted",
                        promoted(candidate.version(), previous, "promotion")));
              }
              return d;
            });
    events.publish(out);
    return decision;
  }

  /**
   * Re-activates the version that was active before the current one; the current one becomes {@code
   * rolled_back}. Repeated rollbacks walk further back.
   *
   * @throws ConflictException when there is no earlier version
   */
  public Map<String, Object> rollback() {
    Instant now = clock.instant();
    List<Event> out = new ArrayList<>();
    Map<String, Object> result =
        jdbi.inTransaction(
            h -> {
              ModelRegistry.Entry active =
                  registry
                      .lockActive(h)
                      .orElseThrow(() -> new ConflictException("no active model to roll back"));
              ModelRegistry.Entry previous =
                  registry
                      .previous(h)
                      .orElseThrow(
                          () ->
                              new ConflictException(
                                  "no earlier model version to roll back to from '"
                                      + active.version()
                                      + "'"));
              registry.retire(h, active.version(), ModelRegistry.ROLLED_BACK);
              registry.activate(h, previous.version(), now);
              out.add(
                  events.append(
                      h,
                      "ml",
                      "model.promoted",
                      promoted(previous.version(), active.version(), "rollback")));
              Map<String, Object> r = new LinkedHashMap<>();
              r.put("version", previous.version());
              r.put("rolled_back", active.version());
              r.put("activated_at", now);
              return r;
            });
    events.publish(out);
    return result;
  }

  static Map<String, Object> promoted(String version, String previous, String reason) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("version", version);
    d.put("previous", previous);
    d.put("reason", reason);
    return d;
  }

  /** The headline metrics, for events and version lists. */
  static Map<String, Object> summary(ModelMetrics m) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("auc", m.auc());
    s.put("brier", m.brier());
    s.put("ece", m.ece());
    s.put("top_decile_lift", m.topDecileLift());
    s.put("holdout_rows", m.holdoutRows());
    return s;
  }

  private static String reason(boolean promote, ModelMetrics current, ModelMetrics candidate) {
    if (current == null) {
      return "no active model";
    }
    return String.format(
        Locale.ROOT,
        "%s: on the candidate's holdout (%d newest leads) AUC %.4f vs current %.4f, ECE %.4f vs"
            + " current %.4f; promotion needs AUC no lower and ECE no higher",
        promote ? "promoted" : "rejected",
        candidate.holdoutRows(),
        candidate.auc(),
        current.auc(),
        candidate.ece(),
        current.ece());
  }
}
