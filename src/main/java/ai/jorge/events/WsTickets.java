package ai.jorge.events;

import ai.jorge.web.Caller;
import ai.jorge.web.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Short-lived, single-use WebSocket tickets for logged-in dashboard sessions (a browser cannot put
 * a header on a WebSocket handshake, and a token never goes in the URL). Stored hashed in the
 * database, so a ticket issued by one instance works on any other. Thread-safe.
 */
public final class WsTickets {
  static final Duration TTL = Duration.ofSeconds(60);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  private final Clock clock;

  /** A ticket just issued; the secret is shown once. */
  public record Ticket(String ticket, Instant expiresAt) {}

  public WsTickets(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public Ticket issue(Caller caller) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String secret = "wst_" + HexFormat.of().formatHex(b);
    Instant now = clock.instant();
    Instant expires = now.plus(TTL);
    jdbi.useHandle(
        h -> {
          h.createUpdate("DELETE FROM ws_tickets WHERE expires_at < :cutoff")
              .bind("cutoff", now.minus(Duration.ofHours(1)))
              .execute();
          h.createUpdate(
                  "INSERT INTO ws_tickets (ticket_hash, subject, role, expires_at) VALUES (:h, :s,"
                      + " :r, :e)")
              .bind("h", hash(secret))
              .bind("s", caller.subject())
              .bind("r", caller.role().wireName())
              .bind("e", expires)
              .execute();
        });
    return new Ticket(secret, expires);
  }

  /** The caller a valid, unused, unexpired ticket stands for; the ticket is spent either way. */
  public Optional<Caller> redeem(String secret) {
    if (secret == null || !secret.startsWith("wst_")) {
      return Optional.empty();
    }
    String hash = hash(secret);
    Instant now = clock.instant();
    return jdbi.inTransaction(
        h -> {
          int spent =
              h.createUpdate(
                      "UPDATE ws_tickets SET used_at = :now WHERE ticket_hash = :h AND used_at IS"
                          + " NULL AND expires_at > :now")
                  .bind("now", now)
                  .bind("h", hash)
                  .execute();
          if (spent != 1) {
            return Optional.empty();
          }
          return h.createQuery("SELECT subject, role FROM ws_tickets WHERE ticket_hash = :h")
              .bind("h", hash)
              .map((rs, ctx) -> new Caller(rs.getString("subject"), Role.parse(rs.getString("role"))))
              .findOne();
        });
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
