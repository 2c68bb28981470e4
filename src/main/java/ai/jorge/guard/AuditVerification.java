package ai.jorge.guard;

/**
 * The result of {@link AuditLog#verify}: how many lines were read and, when broken, the first bad
 * line (1-based) and why.
 */
public record AuditVerification(boolean ok, long lines, long firstBadLine, String problem) {
  static AuditVerification intact(long lines) {
    return new AuditVerification(true, lines, 0, "");
  }

  static AuditVerification broken(long lines, long line, String problem) {
    return new AuditVerification(false, lines, line, problem);
  }

  public String describe() {
    return ok ? "OK (" + lines + " lines)" : "line " + firstBadLine + ": " + problem;
  }
}
