/**
 * Real-time events (SPEC §5): every state change is appended to the durable {@link
 * ai.jorge.events.EventLog} (seq per topic) in the transaction that made it, published on the
 * {@link ai.jorge.events.EventBus} after commit, and streamed to dashboards by the {@link
 * ai.jorge.events.WebSocketHub}, which replays from the log so a reconnecting client misses
 * nothing and sees nothing twice.
 */
package ai.jorge.events;
