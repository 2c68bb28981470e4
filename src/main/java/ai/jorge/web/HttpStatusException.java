package ai.jorge.web;

import ai.jorge.JorgeException;

/** A request refused at the web edge with a specific status (401, 403, 413, 429…). */
public class HttpStatusException extends JorgeException {
  private final int status;

  public HttpStatusException(int status, String code, String message) {
    super(code, message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
