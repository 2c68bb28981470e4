package ai.jorge.web;

/** Who is making a request, once authenticated. */
public record Caller(String subject, Role role) {
  static final String ATTRIBUTE = "jorge.caller";
}
