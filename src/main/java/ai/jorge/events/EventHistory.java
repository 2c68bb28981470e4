package ai.jorge.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the durable event log: what a bus or a reconnecting client uses to fill gaps. Only
 * committed events are visible, and since seqs commit in order per topic, a visible seq means
 * every lower one is visible too. Thread-safe.
 */
public final class EventHistory {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public EventHistory(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** Events of one topic with seq greater than {@code afterSeq}, oldest first. */
  public List<Event> since(String topic, long afterSeq, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT topic, seq, type, at, instance_id, data FROM events WHERE topic = :t"
                        + " AND seq > :s ORDER BY seq LIMIT :n")
                .bind("t", topic)
                .bind("s", afterSeq)
                .bind("n", limit)
                .map(
                    (rs, ctx) ->
                        new Event(
                            rs.getString("topic"),
                            rs.getLong("seq"),
                            rs.getString("type"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("instance_id"),
                            read(rs.getString("data"))))
                .list());
  }

  /** The last committed seq of every topic. */
  public Map<String, Long> latestSeqs() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT topic, seq FROM event_topics")
                .reduceRows(
                    new LinkedHashMap<String, Long>(),
                    (acc, row) -> {
                      acc.put(row.getColumn("topic", String.class), row.getColumn("seq", Long.class));
                      return acc;
                    }));
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt event data", e);
    }
  }
}
