package ai.jorge.guard;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Limits spending on one named budget per minute and per day (a negative limit means unlimited).
 * Immutable, thread-safe.
 */
final class BudgetRule extends BaseRule {
  private final String budget;
  private final int perMinute;
  private final int perDay;

  BudgetRule(RuleSpec spec, Params p) {
    super(spec);
    this.budget = p.text("budget", null);
    if (budget == null) {
      throw new IllegalArgumentException("budget is required");
    }
    this.perMinute = p.integer("per_minute", -1);
    this.perDay = p.integer("per_day", -1);
  }

  String budget() {
    return budget;
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    if (!(subject instanceof Subject.Spend s) || !s.budget().equals(budget)) {
      return Optional.empty();
    }
    String refused = s.ledger().tryConsume(
        budget, perMinute, perDay, s.clock().instant(), LocalDate.now(s.clock()));
    return refused == null
        ? Optional.empty()
        : Optional.of(spec.reason() + ": " + budget + " over " + refused);
  }
}
