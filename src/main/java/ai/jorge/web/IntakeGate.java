package ai.jorge.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits state-changing requests (every POST, PUT, PATCH, DELETE) while the instance runs and
 * refuses them with 503 once a graceful shutdown began, counting those still in flight so the
 * shutdown can wait for them. Reads (health, metrics, views) stay open to the end. Thread-safe.
 */
public final class IntakeGate {
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean open = true;

  public boolean isOpen() {
    return open;
  }

  /** Refuses new intake from now on. */
  public void close() {
    open = false;
  }

  void enter() {
    inFlight.incrementAndGet();
  }

  void exit() {
    inFlight.decrementAndGet();
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** Waits until no admitted request is running, at most {@code limit}; true when idle. */
  public boolean awaitIdle(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }
}
