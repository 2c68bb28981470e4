package ai.jorge.intake;

import ai.jorge.Service;
import ai.jorge.conversation.ConversationService;
import ai.jorge.conversation.Inbound;
import ai.jorge.conversation.Stored;
import ai.jorge.web.HttpStatusException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for webhook messages: request threads hand their message over and wait; one
 * committer thread stores whatever has queued meanwhile in a single transaction and releases each
 * waiter once its message is durable. Under load the batch grows by itself (the next one gathers
 * while the current one commits), so the database sees one commit for many acknowledgements and
 * request threads never queue for pooled connections. When a batch fails, its messages are stored
 * one by one, so a failure is only the failing message's.
 */
public final class InboundCommitter implements Service {
  private static final Logger log = LoggerFactory.getLogger(InboundCommitter.class);
  static final int MAX_BATCH = 128;
  /** The longest a request waits for its batch; also bounds a wait that shutdown cut short. */
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private final ConversationService conversations;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final DistributionSummary batchSizes;
  private volatile boolean running;
  private Thread committer;

  /** A message handed over by a request thread, and how its storage ended. */
  record Pending(Inbound inbound, CompletableFuture<Stored> stored) {
    Pending(Inbound inbound) {
      this(inbound, new CompletableFuture<>());
    }
  }

  public InboundCommitter(ConversationService conversations, MeterRegistry meters) {
    this.conversations = conversations;
    this.batchSizes =
        DistributionSummary.builder("jorge.webhook.commit.batch")
            .description("webhook messages stored per group commit")
            .register(meters);
  }

  @Override
  public String name() {
    return "inbound-committer";
  }

  @Override
  public void start() {
    running = true;
    committer = Thread.ofPlatform().name("inbound-committer").start(this::run);
  }

  /** Stores the message durably, together with any others waiting; returns once committed. */
  public Stored store(Inbound in) {
    if (!running) {
      throw new HttpStatusException(503, "shutting_down", "this instance is shutting down; retry");
    }
    var pending = new Pending(in);
    queue.add(pending);
    try {
      return pending.stored().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Safe to answer "retry": the provider redelivers, and a message stored meanwhile is
      // recognised as a duplicate.
      throw new HttpStatusException(
          503, "store_timeout", "the message could not be stored in time; retry");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the message was being stored", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        log.error("group commit loop failed", e);
        batch.forEach(p -> p.stored().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
    queue.forEach(
        p -> p.stored().completeExceptionally(new IllegalStateException("committer stopped")));
  }

  /** Stores one batch in one transaction, or each message alone when the batch fails. */
  void commit(List<Pending> batch) {
    batchSizes.record(batch.size());
    List<Stored> stored;
    try {
      stored = conversations.storeAll(batch.stream().map(Pending::inbound).toList());
    } catch (RuntimeException e) {
      log.debug("group commit of {} failed; storing one by one", batch.size(), e);
      batch.forEach(this::commitAlone);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).stored().complete(stored.get(i));
    }
  }

  private void commitAlone(Pending p) {
    try {
      p.stored().complete(conversations.store(p.inbound()));
    } catch (RuntimeException e) {
      p.stored().completeExceptionally(e);
    }
  }

  /** Stores what is queued, then takes no more; HTTP has stopped admitting by now. */
  @Override
  public void drain() throws InterruptedException {
    running = false;
    if (committer != null) {
      committer.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @Override
  public void stop() throws InterruptedException {
    drain();
  }
}
