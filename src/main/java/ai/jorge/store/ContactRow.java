package ai.jorge.store;

import java.time.Instant;

/** A lead as stored: who they are and where they came from. */
public record ContactRow(
    String id,
    String source,
    String externalId,
    String channel,
    String name,
    String phone,
    String email,
    String locationId,
    String timeZone,
    Instant createdAt) {}
