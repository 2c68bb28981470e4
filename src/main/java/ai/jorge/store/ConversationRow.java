package ai.jorge.store;

import java.time.Instant;

/**
 * The conversation state of one contact. {@code version} rises by one with every processed turn;
 * {@code state} is the engine's state as JSON.
 */
public record ConversationRow(
    String contactId,
    String id,
    long version,
    String bot,
    String temperature,
    boolean optedOut,
    boolean humanHold,
    Instant silencedUntil,
    String state,
    Instant lastInboundAt,
    Instant updatedAt) {}
