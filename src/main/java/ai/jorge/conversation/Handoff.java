package ai.jorge.conversation;

import java.time.Instant;

/** A transfer of the conversation from one bot to another, kept in the contact's history. */
public record Handoff(Bot from, Bot to, String reason, double confidence, Instant at) {}
