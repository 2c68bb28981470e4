package ai.jorge;

import java.util.List;

/** A request or value breaks a rule; {@code details} names each offending field. */
public class InvalidInputException extends JorgeException {
  private final List<String> details;

  public InvalidInputException(String message, List<String> details) {
    super("invalid_input", message);
    this.details = List.copyOf(details);
  }

  public InvalidInputException(String message) {
    this(message, List.of());
  }

  public List<String> details() {
    return details;
  }
}
