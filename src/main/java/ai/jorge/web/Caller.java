package ai.jorge.web;

/** Who is making a request, once authenticated; an API key's subject is {@code key:<id>}. */
public record Caller(String subject, Role role) {
  static final String ATTRIBUTE = "jorge.caller";
  public static final String API_KEY_PREFIX = "key:";
}
