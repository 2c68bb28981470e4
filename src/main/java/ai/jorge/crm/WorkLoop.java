package ai.jorge.crm;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background thread that runs a round every {@code period} and whenever {@link #wake} asks;
 * rounds never overlap, and a failing round is logged, never fatal. Owned by the dispatcher that
 * built it.
 */
final class WorkLoop {
  private static final Logger log = LoggerFactory.getLogger(WorkLoop.class);
  private final String name;
  private final Duration period;
  private final Runnable round;
  private ScheduledExecutorService executor;

  WorkLoop(String name, Duration period, Runnable round) {
    this.name = name;
    this.period = period;
    this.round = round;
  }

  void start() {
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).factory());
    executor.scheduleWithFixedDelay(this::safeRound, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a round soon. */
  void wake() {
    if (executor != null && !executor.isShutdown()) {
      executor.execute(this::safeRound);
    }
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
