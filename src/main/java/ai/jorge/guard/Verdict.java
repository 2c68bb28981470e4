package ai.jorge.guard;

/** The outcome of a guard check, from least to most severe. */
public enum Verdict {
  ALLOW,
  WARN,
  BLOCK;

  /** The lower-case form used in metrics, the audit log and hooks.yaml. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
