package ai.jorge.guard;

import java.util.Objects;

/**
 * What the guard decided about one input: the verdict, the rule that decided it (empty when
 * nothing matched), the layer (1 to 5) it belongs to, and a reason safe to show and log (it never
 * repeats a secret).
 */
public record Decision(Verdict verdict, String ruleId, int layer, String reason) {
  public Decision {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
    if (layer < 1 || layer > 5) {
      throw new IllegalArgumentException("layer must be 1..5, was " + layer);
    }
  }

  static Decision allow(int layer) {
    return new Decision(Verdict.ALLOW, "", layer, "no rule matched");
  }

  public boolean blocked() {
    return verdict == Verdict.BLOCK;
  }

  /**
   * One line for people: {@code block [destructive.rm_recursive] layer 1: recursive delete of /}.
   */
  public String describe() {
    return ruleId.isEmpty()
        ? verdict.label()
        : verdict.label() + " [" + ruleId + "] layer " + layer + ": " + reason;
  }
}
