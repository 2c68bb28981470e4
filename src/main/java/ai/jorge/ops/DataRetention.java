package ai.jorge.ops;

import ai.jorge.events.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retention job (SPEC §7): events older than the replay window (24 h) and outbox rows
 * finished more than 30 days ago (sent, blocked or failed; the transcript keeps the message
 * itself). Pending and in-flight rows are never touched. Stateless; run on one instance.
 */
public final class DataRetention implements Runnable {
  public static final Duration EVENTS = Duration.ofHours(24);
  public static final Duration FINISHED_OUTBOX = Duration.ofDays(30);
  private static final Logger log = LoggerFactory.getLogger(DataRetention.class);
  private final Jdbi jdbi;
  private final EventLog events;
  private final Clock clock;

  public DataRetention(Jdbi jdbi, EventLog events, Clock clock) {
    this.jdbi = jdbi;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    int deletedEvents = events.deleteOlderThan(now.minus(EVENTS));
    int deletedOutbox = deleteFinishedOutbox(now.minus(FINISHED_OUTBOX));
    log.info("retention: {} events, {} finished outbox rows deleted", deletedEvents, deletedOutbox);
  }

  int deleteFinishedOutbox(Instant before) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM outbox WHERE status IN ('sent', 'blocked', 'failed') AND"
                        + " created_at < :b")
                .bind("b", before)
                .execute());
  }
}
