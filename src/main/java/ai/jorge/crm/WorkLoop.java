package ai.jorge.crm;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that runs a round every {@code period} and whenever {@link #wake} asks,
 * and the upkeep (stale claims, backlog gauges) on the period only: under load wakes come after
 * every turn, and upkeep that often would be most of the database work. Wakes that arrive while
 * one is queued fold into it; rounds never overlap, and a failing round is logged, never fatal.
 * Owned by the dispatcher that built it.
 */
final class WorkLoop {
  private static final Logger log = LoggerFactory.getLogger(WorkLoop.class);
  private final String name;
  private final Duration period;
  private final Runnable upkeep;
  private final Runnable round;
  private final AtomicBoolean woken = new AtomicBoolean();
  private ScheduledExecutorService executor;

  WorkLoop(String name, Duration period, Runnable upkeep, Runnable round) {
    this.name = name;
    this.period = period;
    this.upkeep = upkeep;
    this.round = round;
  }

  void start() {
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).factory());
    executor.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a round soon; a round already asked for and not yet started takes this one too. */
  void wake() {
    if (executor == null || executor.isShutdown() || !woken.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            woken.set(false);
            safeRound();
          });
    } catch (RejectedExecutionException e) {
      woken.set(false);
    }
  }

  private void tick() {
    try {
      upkeep.run();
    } catch (RuntimeException e) {
      log.warn("{} upkeep failed", name, e);
    }
    safeRound();
  }

  /** Ends the loop, waiting up to 5 s for a running round; true the first time only. */
  boolean stop() throws InterruptedException {
    if (executor == null || executor.isShutdown()) {
      return false;
    }
    executor.shutdown();
    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
    return true;
  }

  /** One round on the caller's thread, failures logged. */
  void safeRound() {
    try {
      round.run();
    } catch (RuntimeException e) {
      log.warn("{} round failed", name, e);
    }
  }
}
