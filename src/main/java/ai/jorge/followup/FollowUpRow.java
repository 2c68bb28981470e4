package ai.jorge.followup;

import java.time.Instant;

/** One follow-up as stored: its number in the cadence, when it is due, and what became of it. */
record FollowUpRow(
    long id,
    String contactId,
    int attempt,
    Instant cadenceFrom,
    Instant dueAt,
    String status,
    String reason,
    String deferredReason,
    String cancelledReason) {}
