package ai.jorge.conversation;

import java.time.Instant;

/**
 * A message from a lead as a channel delivered it. {@code source} and {@code externalId} identify
 * the contact in that channel (a GHL contact id, a chat session id); {@code dedupeKey} is the
 * provider message id that makes redelivery harmless, or null when the sender gave none.
 */
public record Inbound(
    String source,
    String externalId,
    String channel,
    String conversationId,
    String dedupeKey,
    String text,
    Instant providerAt,
    String name,
    String phone,
    String email,
    String locationId) {
  public static final int MAX_TEXT = 2000;

  public Inbound {
    if (source == null || externalId == null || text == null || providerAt == null) {
      throw new IllegalArgumentException("source, externalId, text and providerAt are required");
    }
  }

  public boolean tooLong() {
    return text.length() > MAX_TEXT;
  }

  /** The text as stored: cut at {@link #MAX_TEXT} characters. */
  public String storedText() {
    return tooLong() ? text.substring(0, MAX_TEXT) : text;
  }
}
