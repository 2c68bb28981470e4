package ai.jorge.conversation;

/** The result of durably storing an inbound message, before any bot logic ran. */
public record Stored(String contactId, long messageId, boolean duplicate, boolean truncated) {}
