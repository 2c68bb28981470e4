package ai.jorge.guard;

import java.util.Objects;

/**
 * A dangerous operation someone asks for (layer 4): {@code bulk_send}, {@code export_contacts},
 * {@code delete_contacts}, {@code promote_model} or {@code signatures_off}; the caller's role, the
 * reason they gave and how many contacts or messages it touches.
 */
public record Operation(String name, String role, String reason, int count) {
  public Operation {
    Objects.requireNonNull(name, "name");
    role = role == null ? "" : role;
    reason = reason == null ? "" : reason;
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
  }
}
