package ai.jorge.crm;

import ai.jorge.Service;
import ai.jorge.store.Outbox;
import ai.jorge.store.OutboxRow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox (SPEC §3.9): claims due rows, re-checks the opt-out flag at the last moment,
 * holds proactive messages (follow-ups) delayed into quiet hours until 08:00 contact-local,
 * sends through the row's channel and retries failures with exponential backoff (honouring a
 * provider's {@code Retry-After}). Claims are conditional updates, so several instances can run it
 * at once without double delivery; a row the provider confirmed keeps its receipt and is never
 * sent again. Retryable failures are retried for a day before the row is marked failed, so a CRM
 * outage delays messages without losing them. One delivery thread per instance.
 */
public final class OutboxDispatcher implements Service {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 50;
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
  private static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
  /** Kinds sent on Jorge's initiative, held back in quiet hours (direct replies never are). */
  private static final Set<String> PROACTIVE = Set.of("followup");

  private record Target(String externalId, boolean optedOut, String timeZone) {}

  private final Jdbi jdbi;
  private final Outbox outbox = new Outbox();
  private final Map<String, Channel> channels;
  private final Channel fallback;
  private final Clock clock;
  private final MeterRegistry meters;
  private final String instanceId;
  private final Backoff backoff;
  private final ZoneId teamZone;
  private final AtomicLong pending = new AtomicLong();
  private ScheduledExecutorService loop;

  public OutboxDispatcher(
      Jdbi jdbi,
      Map<String, Channel> channels,
      Channel fallback,
      Clock clock,
      MeterRegistry meters,
      String instanceId,
      Backoff backoff,
      ZoneId teamZone) {
    this.jdbi = jdbi;
    this.channels = Map.copyOf(channels);
    this.fallback = fallback;
    this.clock = clock;
    this.meters = meters;
    this.instanceId = instanceId;
    this.backoff = backoff;
    this.teamZone = teamZone;
    Gauge.builder("jorge.outbox.pending", pending, AtomicLong::get).register(meters);
  }

  @Override
  public String name() {
    return "outbox-dispatcher";
  }

  @Override
  public void start() {
    int released = jdbi.withHandle(h -> outbox.releaseOwn(h, instanceId));
    if (released > 0) {
      log.info("took back {} outbox rows this instance claimed before a restart", released);
    }
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
  public synchronized int runOnce() {
    Instant now = clock.instant();
    jdbi.useHandle(h -> outbox.releaseStale(h, now.minus(STALE_CLAIM)));
    List<OutboxRow> due = jdbi.withHandle(h -> outbox.due(h, now, BATCH));
    int sent = 0;
    for (OutboxRow row : due) {
      if (jdbi.withHandle(h -> outbox.claim(h, row.id(), instanceId, now)) && deliver(row)) {
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
                        "SELECT c.external_id, v.opted_out, c.time_zone FROM contacts c JOIN"
                            + " conversations v ON v.contact_id = c.id WHERE c.id = :id")
                    .bind("id", row.contactId())
                    .map((rs, ctx) -> new Target(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                    .one());
    if (target.optedOut() && !"opt_out_confirmation".equals(row.kind())) {
      meters.counter("jorge.outbound.blocked", "reason", "opted_out").increment();
      jdbi.useHandle(h -> outbox.finish(h, row.id(), "blocked", "contact opted out", now));
      return false;
    }
    if (PROACTIVE.contains(row.kind())) {
      ZoneId zone = target.timeZone() == null ? teamZone : ZoneId.of(target.timeZone());
      Optional<ZonedDateTime> opening = QuietHours.deferral(now, zone);
      if (opening.isPresent()) {
        meters.counter("jorge.outbound.blocked", "reason", "quiet_hours").increment();
        jdbi.useHandle(
            h -> outbox.retryLater(h, row.id(), "quiet hours in " + zone.getId() + "; held until "
                + opening.get().toOffsetDateTime(), opening.get().toInstant()));
        return false;
      }
    }
    Channel channel = channels.getOrDefault(row.channel(), fallback);
    try {
      String receipt =
          channel.deliver(
              new Channel.Delivery(row.id(), row.contactId(), target.externalId(), row.channel(), row.body()));
      jdbi.useHandle(h -> outbox.finish(h, row.id(), "sent", null, receipt, clock.instant()));
      meters.counter("jorge.outbox.delivered", "channel", row.channel()).increment();
      return true;
    } catch (Channel.DeliveryException e) {
      int attempts = row.attempts() + 1;
      boolean tooOld = row.createdAt().isBefore(now.minus(GIVE_UP_AFTER));
      if (!e.retryable() || tooOld) {
        jdbi.useHandle(h -> outbox.finish(h, row.id(), "failed", e.getMessage(), now));
        meters.counter("jorge.outbox.failed", "channel", row.channel()).increment();
        log.warn("outbox {} failed for good after {} attempts: {}", row.id(), attempts, e.getMessage());
      } else {
        Duration wait = backoff.after(attempts, e);
        jdbi.useHandle(h -> outbox.retryLater(h, row.id(), e.getMessage(), now.plus(wait)));
        meters.counter("jorge.outbox.retries", "channel", row.channel()).increment();
        log.info("outbox {} attempt {} failed ({}); next try in {}", row.id(), attempts, e.getMessage(), wait);
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
