package ai.jorge.intake;

import ai.jorge.Service;
import ai.jorge.conversation.ConversationService;
import ai.jorge.web.IntakeGate;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs turns for webhook messages after they were acknowledged, and every few seconds queues
 * contacts whose messages were stored but never processed (a crash between acknowledgement and
 * turn), so nothing acknowledged is lost. Turns run on the worker threads only.
 */
public final class InboundWorker implements Service {
  private static final Logger log = LoggerFactory.getLogger(InboundWorker.class);
  private static final Duration RECOVERY_AGE = Duration.ofSeconds(5);
  /**
   * Requests in flight at which a turn holds back. One: acknowledgements are group-committed and
   * take milliseconds, so any request in flight means intake is busy, and on cores shared with the
   * database the turn's work would lengthen its wait (BENCHMARKS.md).
   */
  private static final int BUSY_INTAKE = 1;
  /** The longest a turn waits for intake to calm down, so turns always make progress. */
  private static final Duration MAX_YIELD = Duration.ofMillis(250);
  private final ConversationService conversations;
  private final IntakeGate intake;
  /** Contacts with a run waiting to start: that run takes every message stored before it starts. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private ExecutorService workers;
  private ScheduledExecutorService recovery;

  public InboundWorker(ConversationService conversations, IntakeGate intake) {
    this.conversations = conversations;
    this.intake = intake;
  }

  @Override
  public String name() {
    return "inbound-worker";
  }

  @Override
  public void start() {
    // Turns from webhooks run on half the cores at most, so a burst of messages can never starve
    // the acknowledgements: they queue here, stored durably, and catch up after the burst.
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("turn-", 0).factory());
    recovery = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("turn-recovery").factory());
    recovery.scheduleWithFixedDelay(this::recover, 1, 2, TimeUnit.SECONDS);
  }

  /** Processes a contact's pending messages soon, on a worker thread, once however often asked. */
  public void submit(String contactId) {
    if (!queued.add(contactId)) {
      return;
    }
    try {
      workers.execute(
          () -> {
            queued.remove(contactId);
            process(contactId);
          });
    } catch (RejectedExecutionException e) {
      queued.remove(contactId);
      log.info("shutting down; contact {} will be recovered on next start", contactId);
    }
  }

  private void process(String contactId) {
    try {
      yieldToIntake();
      conversations.processPending(contactId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("turn failed for contact {}; it will be retried", contactId, e);
    }
  }

  /**
   * Acknowledging a webhook is what the provider waits for; a turn can wait. While requests queue,
   * the turn (and the database work it brings) holds back for a few milliseconds at a time.
   */
  private void yieldToIntake() throws InterruptedException {
    long deadline = System.nanoTime() + MAX_YIELD.toNanos();
    while (intake.inFlight() >= BUSY_INTAKE && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private void recover() {
    try {
      conversations.contactsNeedingRecovery(RECOVERY_AGE).forEach(this::submit);
    } catch (RuntimeException e) {
      log.warn("recovery sweep failed", e);
    }
  }

  /** Takes no new turns and waits for the running ones; what is left is recovered later. */
  @Override
  public void drain() throws InterruptedException {
    recovery.shutdownNow();
    workers.shutdown();
    if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
      workers.shutdownNow();
    }
  }

  @Override
  public void stop() throws InterruptedException {
    drain();
  }
}
