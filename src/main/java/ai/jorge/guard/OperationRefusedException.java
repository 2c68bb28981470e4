package ai.jorge.guard;

import ai.jorge.JorgeException;

/** A dangerous operation the guard refused (layer 4); carries the deciding rule and its reason. */
public final class OperationRefusedException extends JorgeException {
  private final Decision decision;

  public OperationRefusedException(Decision decision) {
    super("operation_refused", decision.describe());
    this.decision = decision;
  }

  public Decision decision() {
    return decision;
  }
}
