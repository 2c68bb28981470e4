package ai.jorge;

/** A thing addressed by id does not exist. */
public class NotFoundException extends JorgeException {
  private final String kind;
  private final String id;

  public NotFoundException(String kind, String id) {
    super("not_found", kind + " '" + id + "' not found");
    this.kind = kind;
    this.id = id;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
