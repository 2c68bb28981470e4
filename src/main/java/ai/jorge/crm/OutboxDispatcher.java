package ai.jorge.crm;

import ai.jorge.Service;
import ai.jorge.store.OutboxRow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox (SPEC §3.9): claims due rows, re-checks the opt-out flag at the last moment,
 * sends through the row's channel and retries failures with exponential backoff. Claims are
 * conditional updates, so several instances can run it at once without double delivery.
 */
public final class OutboxDispatcher implements Service {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 50;
  private static final int MAX_ATTEMPTS = 12;
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);

  private final Jdbi jdbi;
  private final ai.jorge.store.Outbox outbox = new ai.jorge.store.Outbox();
  private final Map<String, Channel> channels;
  private final Channel fallback;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicLong pending = new AtomicLong();
  private ScheduledExecutorService loop;

  public OutboxDispatcher(
      Jdbi jdbi, Map<String, Channel> channels, Channel fallback, Clock clock, MeterRegistry meters) {
    this.jdbi = jdbi;
    this.channels = Map.copyOf(channels);
    this.fallback = fallback;
    this.clock = clock;
    this.meters = meters;
    Gauge.builder("jorge.outbox.pending", pending, AtomicLong::get).register(meters);
  }

  @Override
  public String name() {
    return "outbox-dispatcher";
  }

  @Override
  public void start() {
    loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox").factory());
    loop.scheduleWithFixedDelay(this::safeRun, 0, 500, TimeUnit.MILLISECONDS);
  }

  /** Asks for a delivery round soon (after a turn committed new rows). */
  public void wake() {
    if (loop != null && !loop.isShutdown()) {
      loop.execute(this::safeRun);
    }
  }

  private void safeRun() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.warn("outbox round failed", e);
    }
  }

  /** One delivery round; returns how many rows were sent. */
  public int runOnce() {
    Instant now = clock.instant();
    jdbi.useHandle(h -> outbox.releaseStale(h, now.minus(STALE_CLAIM)));
    List<OutboxRow> due = jdbi.withHandle(h -> outbox.due(h, now, BATCH));
    int sent = 0;
    for (OutboxRow row : due) {
      if (jdbi.withHandle(h -> outbox.claim(h, row.id(), now)) && deliver(row)) {
        sent++;
      }
    }
    pending.set(jdbi.withHandle(outbox::pendingCount));
    return sent;
  }

  private boolean deliver(OutboxRow row) {
    Instant now = clock.instant();
    var target =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT c.external_id, v.opted_out FROM contacts c JOIN conversations v ON"
                            + " v.contact_id = c.id WHERE c.id = :id")
                    .bind("id", row.contactId())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                    .one());
    if (target.getValue() && !"opt_out_confirmation".equals(row.kind())) {
      meters.counter("jorge.outbound.blocked", "reason", "opted_out").increment();
      jdbi.useHandle(h -> outbox.finish(h, row.id(), "blocked", "contact opted out", now));
      return false;
    }
    Channel channel = channels.getOrDefault(row.channel(), fallback);
    try {
      channel.deliver(
          new Channel.Delivery(row.id(), row.contactId(), target.getKey(), row.channel(), row.body()));
      jdbi.useHandle(h -> outbox.finish(h, row.id(), "sent", null, clock.instant()));
      meters.counter("jorge.outbox.delivered", "channel", row.channel()).increment();
      return true;
    } catch (Channel.DeliveryException e) {
      int attempts = row.attempts() + 1;
      if (!e.retryable() || attempts >= MAX_ATTEMPTS) {
        jdbi.useHandle(h -> outbox.finish(h, row.id(), "failed", e.getMessage(), now));
        meters.counter("jorge.outbox.failed", "channel", row.channel()).increment();
      } else {
        Duration backoff = Duration.ofSeconds(Math.min(600, 1L << Math.min(attempts, 10)));
        jdbi.useHandle(h -> outbox.retryLater(h, row.id(), e.getMessage(), now.plus(backoff)));
      }
      return false;
    }
  }

  /** Ends the delivery loop, then delivers one last batch of what the final turns wrote. */
  @Override
  public void drain() throws InterruptedException {
    if (loop.isShutdown()) {
      return;
    }
    loop.shutdown();
    if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
      loop.shutdownNow();
    }
    safeRun();
  }

  @Override
  public void stop() throws InterruptedException {
    drain();
  }
}
