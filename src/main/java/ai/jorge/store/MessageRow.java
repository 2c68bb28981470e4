package ai.jorge.store;

import java.time.Instant;

/** One message in a transcript, inbound from the lead or outbound from a bot or a person. */
public record MessageRow(
    long id,
    String contactId,
    String direction,
    String author,
    String channel,
    String dedupeKey,
    String body,
    boolean truncated,
    Instant providerAt,
    Instant receivedAt,
    Instant processedAt,
    Long inReplyTo) {}
