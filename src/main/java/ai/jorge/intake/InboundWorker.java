package ai.jorge.intake;

import ai.jorge.Service;
import ai.jorge.conversation.ConversationService;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs turns for webhook messages after they were acknowledged, and every few seconds picks up
 * messages that were stored but never processed (a crash between acknowledgement and turn), so
 * nothing acknowledged is lost.
 */
public final class InboundWorker implements Service {
  private static final Logger log = LoggerFactory.getLogger(InboundWorker.class);
  private static final Duration RECOVERY_AGE = Duration.ofSeconds(5);
  private final ConversationService conversations;
  private ExecutorService workers;
  private ScheduledExecutorService recovery;

  public InboundWorker(ConversationService conversations) {
    this.conversations = conversations;
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

  /** Processes a contact's pending messages soon, on a worker thread. */
  public void submit(String contactId) {
    try {
      workers.execute(() -> process(contactId));
    } catch (RejectedExecutionException e) {
      log.info("shutting down; contact {} will be recovered on next start", contactId);
    }
  }

  private void process(String contactId) {
    try {
      conversations.processPending(contactId);
    } catch (RuntimeException e) {
      log.error("turn failed for contact {}; it will be retried", contactId, e);
    }
  }

  private void recover() {
    try {
      conversations.contactsNeedingRecovery(RECOVERY_AGE).forEach(this::process);
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
