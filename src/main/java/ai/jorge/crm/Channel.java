package ai.jorge.crm;

import java.time.Duration;
import java.util.Optional;

/** Delivers outbound messages over one channel (SMS through the CRM, web chat, …). */
public interface Channel {
  /**
   * Sends one message and returns the provider's id for it (null when the channel has none). The
   * dispatcher records that id with the outbox row and never sends a confirmed row again.
   *
   * @throws DeliveryException when the message was not delivered
   */
  String deliver(Delivery delivery) throws DeliveryException;

  /** One outbox row to send. */
  record Delivery(long outboxId, String contactId, String externalContactId, String channel, String text) {}

  /**
   * A failed delivery or CRM call; {@code retryable} false gives up at once. {@code retryAfter} is
   * the wait the provider asked for (HTTP 429 {@code Retry-After}), when it said one.
   */
  class DeliveryException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean retryable) {
      this(message, retryable, null);
    }

    public DeliveryException(String message, boolean retryable, Duration retryAfter) {
      super(message);
      this.retryable = retryable;
      this.retryAfter = retryAfter;
    }

    public boolean retryable() {
      return retryable;
    }

    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }
}
