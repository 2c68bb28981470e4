package ai.jorge.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates subjects layer by layer: the first blocking match in a layer ends the check; warnings
 * are kept while later layers run. A rule that throws blocks with "rule error: ...". Each layer's
 * outcome is counted in {@code jorge.guard.decisions} (Prometheus:
 * {@code jorge_guard_decisions_total{layer,decision}}). Thread-safe when its rules are.
 */
final class Engine {
  static final String METRIC = "jorge.guard.decisions";

  private final List<Rule> rules;
  private final MeterRegistry meters;

  Engine(List<Rule> rules, MeterRegistry meters) {
    this.rules = List.copyOf(rules);
    this.meters = meters;
  }

  Decision run(List<Subject> subjects, int... layers) {
    Decision warning = null;
    for (int layer : layers) {
      Decision outcome = runLayer(subjects, layer);
      count(layer, outcome.verdict());
      if (outcome.blocked()) {
        return outcome;
      }
      if (warning == null && outcome.verdict() == Verdict.WARN) {
        warning = outcome;
      }
    }
    return warning != null ? warning : Decision.allow(layers[layers.length - 1]);
  }

  void count(int layer, Verdict verdict) {
    Counter.builder(METRIC)
        .description("Guard decisions by layer and verdict")
        .tag("layer", Integer.toString(layer))
        .tag("decision", verdict.label())
        .register(meters)
        .increment();
  }

  private Decision runLayer(List<Subject> subjects, int layer) {
    Decision warning = null;
    for (Rule rule : rules) {
      if (rule.layer() != layer) {
        continue;
      }
      for (Subject subject : subjects) {
        if (!rule.targets().contains(subject.target())) {
          continue;
        }
        Optional<String> hit;
        try {
          hit = rule.appliesTo(subject) ? rule.evaluate(subject) : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
          return new Decision(Verdict.BLOCK, rule.id(), layer, "rule error: " + describe(e));
        }
        if (hit.isPresent()) {
          if (!rule.warnOnly()) {
            return new Decision(Verdict.BLOCK, rule.id(), layer, hit.get());
          }
          if (warning == null) {
            warning = new Decision(Verdict.WARN, rule.id(), layer, hit.get());
          }
        }
      }
    }
    return warning != null ? warning : Decision.allow(layer);
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
