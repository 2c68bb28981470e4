package ai.jorge.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel of synthetic traffic ({@code scripts/health-check.sh} posts webhooks with {@code
 * "messageType":"HealthCheck"}): replies are marked sent and go nowhere, so a probe never texts a
 * real lead or writes to the CRM. Stateless.
 */
public final class DiscardingChannel implements Channel {
  public static final String NAME = "healthcheck";
  private static final Logger log = LoggerFactory.getLogger(DiscardingChannel.class);

  @Override
  public String deliver(Delivery delivery) {
    log.debug("health-check reply {} discarded", delivery.outboxId());
    return null;
  }
}
