package ai.jorge.users;

import ai.jorge.web.Caller;
import ai.jorge.web.Role;
import ai.jorge.web.SessionLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Login sessions in the database (so every instance knows them): a random 256-bit id stored only
 * as its SHA-256, the user, a CSRF token, and an absolute expiry of {@link #TTL}. Thread-safe.
 */
public final class Sessions implements SessionLookup {
  static final Duration TTL = Duration.ofHours(12);
  private final Jdbi jdbi;
  private final Clock clock;

  /** A session just opened: the cookie value (shown once) and its CSRF token. */
  public record Opened(String cookie, String csrfToken, Instant expiresAt) {}

  public Sessions(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  Opened open(User user) {
    String cookie = HexFormat.of().formatHex(Users.randomBytes(32));
    String csrf = HexFormat.of().formatHex(Users.randomBytes(24));
    Instant now = clock.instant();
    Instant expires = now.plus(TTL);
    jdbi.useHandle(
        h -> {
          h.createUpdate("DELETE FROM sessions WHERE expires_at < :now").bind("now", now).execute();
          h.createUpdate(
                  "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)"
                      + " VALUES (:id, :u, :csrf, :now, :exp)")
              .bind("id", hash(cookie))
              .bind("u", user.id())
              .bind("csrf", csrf)
              .bind("now", now)
              .bind("exp", expires)
              .execute();
        });
    return new Opened(cookie, csrf, expires);
  }

  @Override
  public Optional<Session> find(String cookie) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.username, u.role, s.csrf_token FROM sessions s JOIN users u ON u.id ="
                        + " s.user_id WHERE s.id_hash = :id AND s.expires_at > :now AND u.disabled"
                        + " = FALSE")
                .bind("id", hash(cookie))
                .bind("now", clock.instant())
                .map(
                    (rs, ctx) ->
                        new Session(
                            new Caller(rs.getString("username"), Role.parse(rs.getString("role"))),
                            rs.getString("csrf_token")))
                .findOne());
  }

  void close(String cookie) {
    jdbi.useHandle(
        h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :id").bind("id", hash(cookie)).execute());
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
