package ai.jorge.web;

import java.util.List;

/**
 * Which browser origins may call the public chat, log in or open a WebSocket: the configured
 * {@code JORGE_ALLOWED_ORIGINS}, plus the App's own origin (the pages it serves itself). A
 * request without an Origin header is not from a browser page and is left to authentication.
 */
public final class OriginPolicy {
  private final List<String> allowed;

  public OriginPolicy(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  public boolean allows(String origin, String host) {
    if (origin == null || allowed.contains(origin)) {
      return true;
    }
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  /** Throws 403 for a foreign origin. */
  public void check(String origin, String host) {
    if (!allows(origin, host)) {
      throw new HttpStatusException(403, "origin_not_allowed", "origin " + origin + " is not allowed");
    }
  }
}
