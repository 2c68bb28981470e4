package ai.jorge.guard;

import java.util.Optional;
import java.util.Set;

/**
 * One configured check. {@link #evaluate} returns the reason when the rule matches; it may throw,
 * and the engine turns any exception into a block (fail-closed). Implementations are immutable and
 * thread-safe.
 */
interface Rule {
  String id();

  int layer();

  Set<Target> targets();

  /**
   * True when a match only warns: {@code warn_only: true} or {@code block: false} in hooks.yaml.
   */
  boolean warnOnly();

  /** False when the rule is limited to other file paths ({@code paths}/{@code skip_paths}). */
  default boolean appliesTo(Subject subject) {
    return true;
  }

  Optional<String> evaluate(Subject subject);
}
