package ai.jorge;

/** The request conflicts with the current state, e.g. a concurrent update or a refused transition. */
public class ConflictException extends JorgeException {
  public ConflictException(String message) {
    super("conflict", message);
  }
}
