package ai.jorge.users;

import ai.jorge.ConflictException;
import ai.jorge.web.Role;
import java.io.PrintStream;
import java.util.Base64;
import java.util.Optional;

/**
 * Makes sure the dashboard can be entered at first start: with no users, creates {@code admin}
 * with {@code JORGE_ADMIN_PASSWORD}, or with a generated password printed once to standard output
 * (never to the log, which may be shipped elsewhere). Later starts change nothing.
 */
public final class FirstAdmin {
  public static final String USERNAME = "admin";
  private final Users users;
  private final PrintStream console;

  public FirstAdmin(Users users, PrintStream console) {
    this.users = users;
    this.console = console;
  }

  /** Creates the first admin when there is no user; true when it did. */
  public boolean ensure(Optional<String> configured) {
    if (users.count() > 0) {
      return false;
    }
    if (configured.isPresent() && configured.get().length() < Users.MIN_PASSWORD) {
      throw new IllegalStateException(
          "JORGE_ADMIN_PASSWORD must have at least " + Users.MIN_PASSWORD + " characters");
    }
    String password =
        configured.orElseGet(
            () -> Base64.getUrlEncoder().withoutPadding().encodeToString(Users.randomBytes(15)));
    try {
      users.create(USERNAME, password, Role.ADMIN);
    } catch (ConflictException raced) {
      return false;
    }
    if (configured.isEmpty()) {
      console.println();
      console.println("  Jorge dashboard: first admin created.");
      console.println("  username: " + USERNAME);
      console.println("  password: " + password + "   (shown once; set JORGE_ADMIN_PASSWORD to choose it)");
      console.println();
      console.flush();
    }
    return true;
  }
}
