package ai.jorge.ops;

import ai.jorge.events.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The 5-second {@code metrics.snapshot} event on topic {@code metrics} (SPEC §5): a compact,
 * cluster-wide picture read from the database (so it is the same whichever instance runs it) for
 * the dashboard's live counters. Run by the scheduler on one instance at a time; stateless.
 */
public final class MetricsSnapshot implements Runnable {
  public static final Duration EVERY = Duration.ofSeconds(5);
  private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
  private static final Duration ACTIVE_WINDOW = Duration.ofHours(24);
  private final Jdbi jdbi;
  private final EventLog events;
  private final Clock clock;

  public MetricsSnapshot(Jdbi jdbi, EventLog events, Clock clock) {
    this.jdbi = jdbi;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void run() {
    events.record("metrics", "metrics.snapshot", take());
  }

  /** The numbers of one snapshot. */
  public Map<String, Object> take() {
    Instant now = clock.instant();
    return jdbi.withHandle(
        h -> {
          Map<String, Object> leads = new LinkedHashMap<>();
          for (String t : new String[] {"HOT", "WARM", "COLD"}) {
            leads.put(t.toLowerCase(java.util.Locale.ROOT), 0L);
          }
          h.createQuery(
                  "SELECT temperature, COUNT(*) AS n FROM conversations WHERE temperature IS NOT"
                      + " NULL GROUP BY temperature")
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .forEach(e -> leads.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("leads_by_temperature", leads);
          out.put("contacts", count(h, "SELECT COUNT(*) FROM contacts", now));
          out.put(
              "active_conversations",
              count(h, "SELECT COUNT(*) FROM conversations WHERE updated_at > :since", now.minus(ACTIVE_WINDOW)));
          out.put("opted_out", count(h, "SELECT COUNT(*) FROM conversations WHERE opted_out", now));
          out.put("human_hold", count(h, "SELECT COUNT(*) FROM conversations WHERE human_hold", now));
          out.put("outbox_pending", count(h, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'", now));
          out.put(
              "inbound_last_minute",
              count(
                  h,
                  "SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND received_at >"
                      + " :since",
                  now.minus(RATE_WINDOW)));
          out.put(
              "webhooks_last_minute",
              count(
                  h,
                  "SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND dedupe_key LIKE"
                      + " 'ghl:%' AND received_at > :since",
                  now.minus(RATE_WINDOW)));
          out.put(
              "sent_last_minute",
              count(h, "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND sent_at > :since", now.minus(RATE_WINDOW)));
          out.put("at", now.toString());
          return out;
        });
  }

  private static long count(Handle h, String sql, Instant since) {
    var q = h.createQuery(sql);
    if (sql.contains(":since")) {
      q.bind("since", since);
    }
    return q.mapTo(Long.class).one();
  }
}
