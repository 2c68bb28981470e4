package ai.jorge.guard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Layer 4: who may run a dangerous operation, that they say why, and how big it may be. Immutable,
 * thread-safe.
 */
final class OperationRules {
  private OperationRules() {}

  /**
   * Known dangerous operations are restricted to {@code roles}; an operation not listed is refused.
   */
  static final class Role extends BaseRule {
    private final Set<String> operations;
    private final Set<String> roles;

    Role(RuleSpec spec, Params p) {
      super(spec);
      this.operations = Set.copyOf(p.list("operations", true));
      this.roles = Set.copyOf(p.list("roles", true));
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      if (!(subject instanceof Subject.Op(Operation op))) {
        return Optional.empty();
      }
      if (!operations.contains(op.name())) {
        return Optional.of("unknown operation " + op.name());
      }
      return roles.contains(op.role().toLowerCase(Locale.ROOT))
          ? Optional.empty()
          : Optional.of(spec.reason() + ": " + op.name() + " by role '" + op.role() + "'");
    }
  }

  /** A reason of at least {@code min_length} non-blank characters is required. */
  static final class Reason extends BaseRule {
    private final int minLength;

    Reason(RuleSpec spec, Params p) {
      super(spec);
      this.minLength = Math.max(1, p.integer("min_length", 1));
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      return subject instanceof Subject.Op(Operation op) && op.reason().strip().length() < minLength
          ? Optional.of(spec.reason() + " for " + op.name())
          : Optional.empty();
    }
  }

  /** Operations in {@code operations} may touch at most {@code max_count} records at once. */
  static final class CountLimit extends BaseRule {
    private final List<String> operations;
    private final int maxCount;

    CountLimit(RuleSpec spec, Params p) {
      super(spec);
      this.operations = p.list("operations", true);
      this.maxCount = p.integer("max_count", 500);
    }

    @Override
    public Optional<String> evaluate(Subject subject) {
      return subject instanceof Subject.Op(Operation op)
              && operations.contains(op.name()) && op.count() > maxCount
          ? Optional.of(spec.reason() + ": " + op.count() + " > " + maxCount)
          : Optional.empty();
    }
  }
}
