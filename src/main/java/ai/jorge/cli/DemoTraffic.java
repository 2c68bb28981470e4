package ai.jorge.cli;

import ai.jorge.Service;
import ai.jorge.conversation.ConversationService;
import ai.jorge.conversation.Inbound;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode ({@code serve --demo}): seeds example leads at different stages, then keeps
 * simulated leads talking through the real conversation service, one message every few seconds,
 * so the dashboard stays alive. Each simulated lead plays one of the demo scripts to its end.
 */
public final class DemoTraffic implements Service {
  private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
  private final ConversationService conversations;
  private final Clock clock;
  private final Duration every;
  private final AtomicLong step = new AtomicLong();
  private ScheduledExecutorService loop;

  public DemoTraffic(ConversationService conversations, Clock clock, Duration every) {
    this.conversations = conversations;
    this.clock = clock;
    this.every = every;
  }

  @Override
  public String name() {
    return "demo-traffic";
  }

  @Override
  public void start() {
    new DemoData(conversations).seed();
    loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-traffic").factory());
    loop.scheduleWithFixedDelay(this::next, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends the next line of the current simulated lead; a finished script starts a new lead. */
  private void next() {
    long n = step.getAndIncrement();
    int totalLines = DemoData.SCRIPTS.stream().mapToInt(s -> s.lines().size()).sum();
    long round = n / totalLines;
    long offset = n % totalLines;
    for (DemoData.Script s : DemoData.SCRIPTS) {
      if (offset < s.lines().size()) {
        String session = "sim-" + round + "-" + s.session();
        try {
          conversations.converse(
              new Inbound(
                  "chat", session, "web_chat", null, session + ":" + offset,
                  s.lines().get((int) offset), clock.instant(), s.name(), null, null, null));
        } catch (RuntimeException e) {
          log.warn("demo message failed", e);
        }
        return;
      }
      offset -= s.lines().size();
    }
  }

  @Override
  public void stop() throws InterruptedException {
    loop.shutdownNow();
    loop.awaitTermination(5, TimeUnit.SECONDS);
  }
}
