package ai.jorge.events;

import java.util.function.Consumer;

/**
 * Publishes logged events to subscribers in this process and, with Redis, in every instance.
 * Thread-safe. Delivery is best effort: the event log is the source of truth and fills any gap.
 */
public interface EventBus extends AutoCloseable {
  void publish(Event event);

  Subscription subscribe(Consumer<Event> listener);

  /** Ends a subscription; idempotent. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  void close();
}
