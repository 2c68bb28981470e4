package ai.jorge;

/** Root of every exception Jorge throws on purpose; the web layer maps each subclass to one status code. */
public class JorgeException extends RuntimeException {
  private final String code;

  public JorgeException(String code, String message) {
    super(message);
    this.code = code;
  }

  public JorgeException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** A stable, machine-readable error code such as {@code not_found}. */
  public String code() {
    return code;
  }
}
