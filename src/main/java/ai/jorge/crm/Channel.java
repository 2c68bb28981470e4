package ai.jorge.crm;

/** Delivers outbound messages over one channel (SMS through the CRM, web chat, …). */
public interface Channel {
  /**
   * Sends one message. Must be idempotent per {@code outboxId}: a retry after a timeout must not
   * text the lead twice.
   *
   * @throws DeliveryException when the message was not delivered and should be retried
   */
  void deliver(Delivery delivery) throws DeliveryException;

  /** One outbox row to send. */
  record Delivery(long outboxId, String contactId, String externalContactId, String channel, String text) {}

  /** A failed delivery; {@code retryable} false gives up at once. */
  class DeliveryException extends Exception {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable) {
      super(message);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
