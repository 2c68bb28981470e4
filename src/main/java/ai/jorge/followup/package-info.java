/**
 * Follow-ups (SPEC §3.8): leads who stop answering get a nudge on days 2, 5, 8, …, 29 after their
 * last message, then every 14 days for at most 10 more touches. Each follow-up is a database row
 * scheduled in the turn's transaction, cancelled by any inbound message, and sent by a
 * cluster-safe recurring job that defers anything due outside 08:00–21:00 in the contact's time
 * zone and records why.
 */
package ai.jorge.followup;
