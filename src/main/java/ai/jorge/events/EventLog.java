package ai.jorge.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable, ordered event log (SPEC §5). Appends join the caller's transaction: the per-topic
 * counter row stays locked until commit, so seqs become visible in order and a reader never
 * skips one that commits late. Publishing happens after commit, through {@link #publish}.
 */
public final class EventLog {
  public static final Set<String> TOPICS =
      Set.of("leads", "conversations", "appointments", "ml", "metrics", "system");

  private final Jdbi jdbi;
  private final EventBus bus;
  private final ObjectMapper json;
  private final Clock clock;
  private final String instanceId;
  private final EventHistory history;

  public EventLog(Jdbi jdbi, EventBus bus, ObjectMapper json, Clock clock, String instanceId) {
    this.jdbi = jdbi;
    this.bus = bus;
    this.json = json;
    this.clock = clock;
    this.instanceId = instanceId;
    this.history = new EventHistory(jdbi, json);
  }

  /** Appends within the caller's transaction; call {@link #publish} after it commits. */
  public Event append(Handle h, String topic, String type, Map<String, Object> data) {
    EventDrafts one = new EventDrafts();
    one.add(topic, type, data);
    return append(h, one).get(0);
  }

  /**
   * Appends the drafts within the caller's transaction, meant as its last writes: each topic's
   * counter row is taken once for all its drafts, in topic-name order so that two transactions
   * never wait on each other in a cycle. Returns the events in draft order, to {@link #publish}
   * after the commit.
   */
  public List<Event> append(Handle h, EventDrafts drafts) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    Map<String, Long> counts = new TreeMap<>();
    drafts.drafts().forEach(d -> counts.merge(d.topic(), 1L, Long::sum));
    Map<String, Long> next = new HashMap<>();
    for (var c : counts.entrySet()) {
      h.createUpdate("UPDATE event_topics SET seq = seq + :n WHERE topic = :t")
          .bind("n", c.getValue())
          .bind("t", c.getKey())
          .execute();
      long last =
          h.createQuery("SELECT seq FROM event_topics WHERE topic = :t")
              .bind("t", c.getKey())
              .mapTo(Long.class)
              .one();
      next.put(c.getKey(), last - c.getValue() + 1);
    }
    // PostgreSQL keeps microseconds: cut here so a live event equals its replay from the log.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    PreparedBatch insert =
        h.prepareBatch(
            "INSERT INTO events (topic, seq, type, at, instance_id, data) VALUES (:topic, :seq,"
                + " :type, :at, :instance, :data)");
    List<Event> out = new ArrayList<>(drafts.drafts().size());
    for (EventDrafts.Draft d : drafts.drafts()) {
      long seq = next.merge(d.topic(), 1L, Long::sum) - 1;
      insert
          .bind("topic", d.topic())
          .bind("seq", seq)
          .bind("type", d.type())
          .bind("at", at)
          .bind("instance", instanceId)
          .bind("data", write(d.data()))
          .add();
      out.add(new Event(d.topic(), seq, d.type(), at, instanceId, d.data()));
    }
    insert.execute();
    return out;
  }

  /** Appends in a transaction of its own and publishes at once. */
  public Event record(String topic, String type, Map<String, Object> data) {
    Event e = jdbi.inTransaction(h -> append(h, topic, type, data));
    bus.publish(e);
    return e;
  }

  public void publish(List<Event> events) {
    events.forEach(bus::publish);
  }

  /** Events of one topic with seq greater than {@code afterSeq}, oldest first. */
  public List<Event> since(String topic, long afterSeq, int limit) {
    return history.since(topic, afterSeq, limit);
  }

  public long latestSeq(String topic) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT seq FROM event_topics WHERE topic = :t")
                .bind("t", topic)
                .mapTo(Long.class)
                .one());
  }

  /** The oldest seq still kept for a topic, or empty when the topic has none. */
  public Optional<Long> oldestSeq(String topic) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT MIN(seq) FROM events WHERE topic = :t")
                .bind("t", topic)
                .mapTo(Long.class)
                .findOne());
  }

  /** Deletes events older than {@code before}; the retention job calls this daily. */
  public int deleteOlderThan(Instant before) {
    return jdbi.withHandle(
        h -> h.createUpdate("DELETE FROM events WHERE at < :b").bind("b", before).execute());
  }

  private String write(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data is not serialisable", e);
    }
  }
}
