package ai.jorge.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default for SMS when no GoHighLevel token is configured: writes the message to the
 * log instead of texting, so the embedded platform runs without network.
 */
public final class LoggingSmsChannel implements Channel {
  private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

  @Override
  public String deliver(Delivery d) {
    log.info("SMS to contact {} (outbox {}): {}", d.contactId(), d.outboxId(), d.text());
    return null;
  }
}
