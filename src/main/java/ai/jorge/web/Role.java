package ai.jorge.web;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** What a caller may do; each role includes everything the roles below it may do. */
public enum Role implements RouteRole {
  VIEWER,
  AGENT,
  ADMIN;

  public boolean includes(Role other) {
    return compareTo(other) >= 0;
  }

  public static Role parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
