package ai.jorge.store;

import java.time.Instant;

/** An outbound message waiting for, or past, delivery by its channel. */
public record OutboxRow(
    long id,
    long messageId,
    String contactId,
    String channel,
    String kind,
    String body,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    String providerMessageId) {}
