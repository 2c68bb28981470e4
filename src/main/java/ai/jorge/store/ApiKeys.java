package ai.jorge.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Machine API keys, stored as SHA-256 hashes (keys are long random strings, so a fast hash is
 * enough; passwords use a slow one). Thread-safe.
 */
public final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
  private final Jdbi jdbi;

  /** A key as listed: never the key itself. */
  public record ApiKey(
      String id, String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

  /** A key just created; {@code secret} is shown once and never stored. */
  public record CreatedKey(ApiKey key, String secret) {}

  public ApiKeys(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Makes sure {@code secret} is a valid key with {@code role} (used for JORGE_API_KEY). */
  public void ensure(String secret, String name, String role, Instant now) {
    String hash = hash(secret);
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE api_keys SET role = :role, revoked_at = NULL WHERE key_hash = :hash")
                  .bind("role", role)
                  .bind("hash", hash)
                  .execute();
          if (updated == 0) {
            insert(h, newId(), name, hash, role, now);
          }
        });
  }

  public CreatedKey create(String name, String role, Instant now) {
    String secret = "jk_" + randomHex(24);
    String id = newId();
    jdbi.useHandle(h -> insert(h, id, name, hash(secret), role, now));
    return new CreatedKey(new ApiKey(id, name, role, now, null, null), secret);
  }

  public List<ApiKey> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, name, role, created_at, last_used_at, revoked_at FROM api_keys"
                        + " ORDER BY created_at")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  public boolean revoke(String id, Instant now) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", now)
                    .bind("id", id)
                    .execute())
        == 1;
  }

  /** The active key with this secret, recording when it was last used (to the minute). */
  public Optional<ApiKey> identify(String secret, Instant now) {
    String hash = hash(secret);
    return jdbi.withHandle(
        h -> {
          var key =
              h.createQuery(
                      "SELECT id, name, role, created_at, last_used_at, revoked_at FROM api_keys"
                          + " WHERE key_hash = :hash AND revoked_at IS NULL")
                  .bind("hash", hash)
                  .map((rs, ctx) -> row(rs))
                  .findOne();
          key.ifPresent(
              k -> {
                Instant last = k.lastUsedAt();
                if (last == null || last.plus(LAST_USED_GRANULARITY).isBefore(now)) {
                  h.createUpdate("UPDATE api_keys SET last_used_at = :now WHERE key_hash = :hash")
                      .bind("now", now)
                      .bind("hash", hash)
                      .execute();
                }
              });
          return key;
        });
  }

  /** The key with this id, revoked or not. */
  public Optional<ApiKey> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, name, role, created_at, last_used_at, revoked_at FROM api_keys"
                        + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  private static ApiKey row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ApiKey(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("role"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("last_used_at")),
        instant(rs.getTimestamp("revoked_at")));
  }

  private static void insert(
      org.jdbi.v3.core.Handle h, String id, String name, String hash, String role, Instant now) {
    h.createUpdate(
            "INSERT INTO api_keys (id, name, key_hash, role, created_at) VALUES (:id, :name,"
                + " :hash, :role, :now)")
        .bind("id", id)
        .bind("name", name)
        .bind("hash", hash)
        .bind("role", role)
        .bind("now", now)
        .execute();
  }

  static String hash(String secret) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newId() {
    return "key_" + randomHex(8);
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
