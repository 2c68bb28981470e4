package ai.jorge.crm;

import ai.jorge.Service;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued CRM tasks (agent alerts, contact syncs, GHL bookings) through the handler for their kind, with
 * the outbox's retry policy: conditional claims, exponential backoff honouring {@code
 * Retry-After}, retryable failures retried for a day. A task kind without a handler is marked
 * {@code skipped}. One worker thread per instance.
 */
public final class CrmTaskDispatcher implements Service {
  private static final Logger log = LoggerFactory.getLogger(CrmTaskDispatcher.class);
  private static final int BATCH = 50;
  private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
  private static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

  /** Does the outside-world call for one task kind. */
  @FunctionalInterface
  public interface Handler {
    void handle(CrmTask task) throws Channel.DeliveryException;
  }

  private final Jdbi jdbi;
  private final CrmTasks tasks = new CrmTasks();
  private final Map<String, Handler> handlers;
  private final Clock clock;
  private final MeterRegistry meters;
  private final String instanceId;
  private final Backoff backoff;
  private final AtomicLong pending = new AtomicLong();
  private final WorkLoop loop;

  public CrmTaskDispatcher(
      Jdbi jdbi,
      Map<String, Handler> handlers,
      Clock clock,
      MeterRegistry meters,
      String instanceId,
      Backoff backoff) {
    this.jdbi = jdbi;
    this.loop = new WorkLoop("crm-tasks", Duration.ofMillis(500), this::upkeep, this::runOnce);
    this.handlers = Map.copyOf(handlers);
    this.clock = clock;
    this.meters = meters;
    this.instanceId = instanceId;
    this.backoff = backoff;
    Gauge.builder("jorge.crm.tasks.pending", pending, AtomicLong::get).register(meters);
  }

  @Override
  public String name() {
    return "crm-tasks";
  }

  @Override
  public void start() {
    jdbi.useHandle(h -> tasks.releaseOwn(h, instanceId));
    loop.start();
  }

  /** Asks for a round soon (after a turn queued a task). */
  public void wake() {
    loop.wake();
  }

  /** Returns claims left by a dispatcher that died to the queue and counts the backlog. */
  private void upkeep() {
    Instant now = clock.instant();
    jdbi.useHandle(h -> tasks.releaseStale(h, now.minus(STALE_CLAIM)));
    pending.set(jdbi.withHandle(tasks::pendingCount));
  }

  /** One round; returns how many tasks completed. */
  public synchronized int runOnce() {
    Instant now = clock.instant();
    List<CrmTask> claimed = jdbi.withHandle(h -> tasks.claimDue(h, instanceId, now, BATCH));
    int done = 0;
    for (CrmTask t : claimed) {
      if (run(t)) {
        done++;
      }
    }
    return done;
  }

  private boolean run(CrmTask t) {
    Handler handler = handlers.get(t.kind());
    if (handler == null) {
      jdbi.useHandle(h -> tasks.finish(h, t.id(), "skipped", "no handler configured", clock.instant()));
      return false;
    }
    try {
      handler.handle(t);
      jdbi.useHandle(h -> tasks.finish(h, t.id(), "done", null, clock.instant()));
      meters.counter("jorge.crm.tasks.done", "kind", t.kind()).increment();
      return true;
    } catch (Channel.DeliveryException e) {
      Instant now = clock.instant();
      int attempts = t.attempts() + 1;
      if (!e.retryable() || t.createdAt().isBefore(now.minus(GIVE_UP_AFTER))) {
        jdbi.useHandle(h -> tasks.finish(h, t.id(), "failed", e.getMessage(), now));
        meters.counter("jorge.crm.tasks.failed", "kind", t.kind()).increment();
        log.warn("crm task {} ({}) failed for good: {}", t.id(), t.kind(), e.getMessage());
      } else {
        Duration wait = backoff.after(attempts, e);
        jdbi.useHandle(h -> tasks.retryLater(h, t.id(), e.getMessage(), now.plus(wait)));
        log.info("crm task {} ({}) attempt {} failed ({}); next try in {}", t.id(), t.kind(), attempts, e.getMessage(), wait);
      }
      return false;
    } catch (RuntimeException e) {
      jdbi.useHandle(h -> tasks.finish(h, t.id(), "failed", String.valueOf(e), clock.instant()));
      log.error("crm task {} ({}) crashed", t.id(), t.kind(), e);
      return false;
    }
  }

  @Override
  public void stop() throws InterruptedException {
    loop.stop();
  }
}
