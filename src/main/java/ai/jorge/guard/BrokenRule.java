package ai.jorge.guard;

import java.util.Optional;

/**
 * Stands in for a hooks.yaml entry that could not be built (bad regex, unknown type, missing
 * field): it throws on every evaluation, so the engine blocks with "rule error: ..." instead of
 * silently dropping the rule.
 */
final class BrokenRule extends BaseRule {
  private final String error;

  BrokenRule(RuleSpec spec, String error) {
    super(spec);
    this.error = error;
  }

  @Override
  public boolean warnOnly() {
    return false;
  }

  @Override
  public Optional<String> evaluate(Subject subject) {
    throw new IllegalStateException(error);
  }
}
