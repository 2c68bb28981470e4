package ai.jorge.guard;

import java.util.Objects;

/**
 * The one door for dangerous operations (SPEC §8, layer 4): bulk sends, contact export or delete,
 * model promotion and turning webhook signatures off. Call {@link #authorize} before doing the
 * work; it returns the (audited) decision when the operation may go ahead and throws {@link
 * OperationRefusedException} (mapped to 403) when the guard blocks it. Thread-safe.
 */
public final class DangerousOperations {
  public static final String BULK_SEND = "bulk_send";
  public static final String EXPORT_CONTACTS = "export_contacts";
  public static final String DELETE_CONTACTS = "delete_contacts";
  public static final String PROMOTE_MODEL = "promote_model";
  public static final String SIGNATURES_OFF = "signatures_off";

  private final Guard guard;

  public DangerousOperations(Guard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  /**
   * Checks {@code operation} for a caller with {@code role} ({@code admin}, {@code agent}, …)
   * who gave {@code reason}, touching {@code count} contacts or messages.
   */
  public Decision authorize(String operation, String role, String reason, int count) {
    Decision d = guard.checkOperation(new Operation(operation, role, reason, count));
    if (d.blocked()) {
      throw new OperationRefusedException(d);
    }
    return d;
  }
}
