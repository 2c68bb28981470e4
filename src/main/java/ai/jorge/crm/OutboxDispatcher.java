package ai.jorge.crm;

import ai.jorge.Service;
import ai.jorge.guard.Decision;
import ai.jorge.guard.Guard;
import ai.jorge.guard.Verdict;
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
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox (SPEC §3.9): claims due rows, has the guard judge each one at the last
 * moment (SPEC §8 layer 3: opt-out, quiet hours, Fair Housing, claiming to be human, internal ids,
 * length; and the per-contact daily cap), sends through the row's channel and retries failures
 * with exponential backoff (honouring a provider's {@code Retry-After}). A blocked row ends as
 * {@code blocked} with the rule and reason in {@code last_error}; a proactive row in quiet hours
 * waits for 08:00 contact-local. The dispatcher's own opt-out check stays behind the guard as a
 * second line. A claim takes a batch of rows in one transaction and skips rows another instance
 * is claiming, so several instances can run it at once without double delivery or waiting; a
 * row the provider confirmed keeps its receipt and is never sent again. Retryable failures are
 * retried for a day before the row is marked failed, so a CRM outage delays messages without
 * losing them. One delivery thread per instance.
 */
public final class OutboxDispatcher implements Service {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 50;
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
  private static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
  private final Jdbi jdbi;
  private final Outbox outbox = new Outbox();
  private final Map<String, Channel> channels;
  private final Channel fallback;
  private final OutboundCheck check;
  private final Clock clock;
  private final MeterRegistry meters;
  private final String instanceId;
  private final Backoff backoff;
  private final AtomicLong pending = new AtomicLong();
  private final WorkLoop loop;

  /**
   * {@code guard} judges every row before delivery (layer 3 and the daily cap), with contact-local
   * time in the contact's zone or {@code teamZone}, and {@code maxChars} as the length limit.
   */
  public OutboxDispatcher(
      Jdbi jdbi,
      Map<String, Channel> channels,
      Channel fallback,
      Guard guard,
      ZoneId teamZone,
      int maxChars,
      Clock clock,
      MeterRegistry meters,
      String instanceId,
      Backoff backoff) {
    this.jdbi = jdbi;
    this.loop = new WorkLoop("outbox", Duration.ofMillis(500), this::upkeep, this::runOnce);
    this.check = new OutboundCheck(guard, teamZone, maxChars);
    this.channels = Map.copyOf(channels);
    this.fallback = fallback;
    this.clock = clock;
    this.meters = meters;
    this.instanceId = instanceId;
    this.backoff = backoff;
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
    loop.start();
  }

  /** Asks for a delivery round soon (after a turn committed new rows). */
  public void wake() {
    loop.wake();
  }

  /** Returns claims left by a dispatcher that died to the queue and counts the backlog. */
  private void upkeep() {
    Instant now = clock.instant();
    jdbi.useHandle(h -> outbox.releaseStale(h, now.minus(STALE_CLAIM)));
    pending.set(jdbi.withHandle(outbox::pendingCount));
  }

  /** One delivery round; returns how many rows were sent. */
  public synchronized int runOnce() {
    Instant now = clock.instant();
    List<OutboxRow> claimed = jdbi.withHandle(h -> outbox.claimDue(h, instanceId, now, BATCH));
    int sent = 0;
    for (OutboxRow row : claimed) {
      if (deliver(row)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean deliver(OutboxRow row) {
    Instant now = clock.instant();
    OutboundCheck.Outcome checked = jdbi.withHandle(h -> check.check(h, row, now));
    Decision decision = checked.decision();
    if (decision.blocked()) {
      if (OutboundCheck.QUIET_HOURS_RULE.equals(decision.ruleId())) {
        holdForMorning(row, checked, decision.describe(), now);
      } else {
        block(row, decision.ruleId(), decision.describe(), now);
      }
      return false;
    }
    if (decision.verdict() == Verdict.WARN) {
      log.warn("outbox {} delivered with a guard warning: {}", row.id(), decision.describe());
    }
    if (checked.target().optedOut() && !OutboundCheck.isOptOutConfirmation(row)) {
      block(row, "opted_out", "contact opted out", now);
      return false;
    }
    Channel channel = channels.getOrDefault(row.channel(), fallback);
    try {
      String receipt =
          channel.deliver(
              new Channel.Delivery(
                  row.id(), row.contactId(), checked.target().externalId(), row.channel(),
                  row.body()));
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

  /**
   * A proactive message in quiet hours waits for 08:00 in the contact's zone; when the policy's
   * window differs from the default one, it is looked at again in half an hour.
   */
  private void holdForMorning(
      OutboxRow row, OutboundCheck.Outcome checked, String reason, Instant now) {
    ZoneId zone = checked.target().zone();
    Instant later =
        QuietHours.deferral(now, zone)
            .map(ZonedDateTime::toInstant)
            .orElse(now.plus(Duration.ofMinutes(30)));
    meters.counter("jorge.outbound.blocked", "reason", "quiet_hours").increment();
    jdbi.useHandle(
        h ->
            outbox.retryLater(
                h, row.id(),
                reason + " (" + zone.getId() + "); held until " + later.atZone(zone).toOffsetDateTime(),
                later));
  }

  private void block(OutboxRow row, String rule, String reason, Instant now) {
    meters.counter("jorge.outbound.blocked", "reason", rule).increment();
    jdbi.useHandle(h -> outbox.finish(h, row.id(), "blocked", truncate(reason), now));
    log.info("outbox {} blocked: {}", row.id(), reason);
  }

  private static String truncate(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000);
  }

  /** Ends the delivery loop, then delivers one last batch of what the final turns wrote. */
  @Override
  public void drain() throws InterruptedException {
    if (loop.stop()) {
      loop.safeRound();
    }
  }

  @Override
  public void stop() throws InterruptedException {
    drain();
  }
}
