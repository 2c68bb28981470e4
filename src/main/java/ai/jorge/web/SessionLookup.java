package ai.jorge.web;

import java.util.Optional;

/** Resolves a dashboard session cookie to its caller and the session's CSRF token. */
@FunctionalInterface
public interface SessionLookup {
  Optional<Session> find(String cookieValue);

  /** A live session: who it is and the token state-changing calls must echo. */
  record Session(Caller caller, String csrfToken) {}
}
