package ai.jorge.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The System page's data: this instance, the database, WebSocket connections, the instances seen
 * writing events lately (every instance runs turns and jobs, so a live one shows up), and the
 * most recent {@code system} events (alerts and health changes). Thread-safe.
 */
public final class SystemStatus {
  private static final Duration INSTANCE_WINDOW = Duration.ofMinutes(15);
  private final Jdbi jdbi;
  private final String instanceId;
  private final String version;
  private final Instant startedAt;
  private final BooleanSupplier databaseUp;
  private final IntSupplier wsConnections;
  private final Clock clock;

  public SystemStatus(
      Jdbi jdbi,
      String instanceId,
      String version,
      BooleanSupplier databaseUp,
      IntSupplier wsConnections,
      Clock clock) {
    this.jdbi = jdbi;
    this.instanceId = instanceId;
    this.version = version;
    this.databaseUp = databaseUp;
    this.wsConnections = wsConnections;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  Map<String, Object> status() {
    Instant now = clock.instant();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instance", instanceId);
    m.put("version", version);
    m.put("started_at", startedAt);
    m.put("uptime_seconds", Duration.between(startedAt, now).toSeconds());
    m.put("database", databaseUp.getAsBoolean() ? "up" : "down");
    m.put("ws_connections", wsConnections.getAsInt());
    m.put("instances", jdbi.withHandle(h -> h.createQuery(
                "SELECT instance_id, MAX(at) AS last_seen, COUNT(*) AS events FROM events WHERE at >= :t"
                    + " GROUP BY instance_id ORDER BY instance_id")
            .bind("t", now.minus(INSTANCE_WINDOW))
            .map((rs, ctx) -> {
              Map<String, Object> i = new LinkedHashMap<>();
              i.put("instance_id", rs.getString("instance_id"));
              i.put("last_seen", rs.getTimestamp("last_seen").toInstant());
              i.put("events", rs.getLong("events"));
              return i;
            })
            .list()));
    m.put("recent_alerts", recentSystemEvents());
    return m;
  }

  private List<Map<String, Object>> recentSystemEvents() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT seq, type, at, instance_id, data FROM events WHERE topic = 'system'"
                        + " ORDER BY seq DESC LIMIT 20")
                .map(
                    (rs, ctx) -> {
                      Map<String, Object> e = new LinkedHashMap<>();
                      e.put("seq", rs.getLong("seq"));
                      e.put("type", rs.getString("type"));
                      e.put("at", rs.getTimestamp("at").toInstant());
                      e.put("instance_id", rs.getString("instance_id"));
                      String data = rs.getString("data");
                      e.put("data", data.length() > 500 ? data.substring(0, 500) + "…" : data);
                      return e;
                    })
                .list());
  }
}
