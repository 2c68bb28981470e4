package ai.jorge.crm;

/**
 * Tells the agent about a HOT lead, out of band: a webhook by default; SMS or email through the CRM
 * are other implementations. Called from the durable task queue, so it may be retried: an
 * implementation should tolerate a repeated alert.
 */
public interface Notifier {
  void alert(AgentAlert alert) throws Channel.DeliveryException;
}
