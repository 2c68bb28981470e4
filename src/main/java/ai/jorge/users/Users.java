package ai.jorge.users;

import ai.jorge.ConflictException;
import ai.jorge.InvalidInputException;
import ai.jorge.web.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Dashboard accounts: create, list, and check a username and password. Usernames are
 * case-insensitive (stored in lower case). Thread-safe.
 */
public final class Users {
  static final int MIN_PASSWORD = 10;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  private final PasswordHasher hasher = new PasswordHasher();
  private final Clock clock;
  // Verifying a password for an unknown user costs the same as for a known one.
  private final String decoyHash;

  public Users(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.decoyHash = hasher.hash("decoy-password".toCharArray());
  }

  public User create(String username, String password, Role role) {
    String name = normalise(username);
    if (!USERNAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "username must be 2 to 64 of a-z, 0-9, '.', '_', '-'", List.of("username"));
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new InvalidInputException(
          "password must have at least " + MIN_PASSWORD + " characters", List.of("password"));
    }
    String id = "usr_" + HexFormat.of().formatHex(randomBytes(8));
    Instant now = clock.instant();
    String hash = hasher.hash(password.toCharArray());
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO users (id, username, password_hash, role, created_at) VALUES"
                          + " (:id, :u, :p, :r, :now)")
                  .bind("id", id)
                  .bind("u", name)
                  .bind("p", hash)
                  .bind("r", role.wireName())
                  .bind("now", now)
                  .execute());
    } catch (UnableToExecuteStatementException e) {
      if (find(name).isPresent()) {
        throw new ConflictException("user " + name + " already exists");
      }
      throw e;
    }
    return new User(id, name, role, now, false);
  }

  /** The enabled user with this username and password. */
  public Optional<User> check(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    var row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, username, role, created_at, disabled, password_hash FROM users"
                            + " WHERE username = :u")
                    .bind("u", normalise(username))
                    .map((rs, ctx) -> new Object[] {user(rs), rs.getString("password_hash")})
                    .findOne());
    boolean ok = hasher.verify(password.toCharArray(), row.map(r -> (String) r[1]).orElse(decoyHash));
    return row.filter(r -> ok).map(r -> (User) r[0]).filter(u -> !u.disabled());
  }

  public Optional<User> find(String username) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, username, role, created_at, disabled FROM users WHERE username = :u")
                .bind("u", normalise(username))
                .map((rs, ctx) -> user(rs))
                .findOne());
  }

  public List<User> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, username, role, created_at, disabled FROM users ORDER BY created_at")
                .map((rs, ctx) -> user(rs))
                .list());
  }

  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
  }

  private static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("username"),
        Role.parse(rs.getString("role")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getBoolean("disabled"));
  }

  private static String normalise(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
