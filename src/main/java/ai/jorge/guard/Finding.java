package ai.jorge.guard;

/** A file the guard did not simply allow: its path (as given to the guard) and the decision. */
public record Finding(String path, Decision decision) {
  public String describe() {
    return decision.verdict().name() + " " + path
        + ": [" + decision.ruleId() + "] " + decision.reason();
  }
}
