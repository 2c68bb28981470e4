package ai.jorge.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns events arriving in any order, possibly twice or not at all, into one stream per topic in
 * seq order without gaps or duplicates: a seq already passed is dropped, a seq beyond the next is
 * preceded by the missing ones read from the {@link EventHistory}. Not thread-safe: the owning
 * bus calls it from one thread.
 */
final class OrderedDelivery {
  private static final int PAGE = 500;
  private final EventHistory history;
  private final Consumer<Event> deliver;
  private final Map<String, Long> lastSeen = new HashMap<>();

  OrderedDelivery(EventHistory history, Consumer<Event> deliver) {
    this.history = history;
    this.deliver = deliver;
  }

  /** Starts every topic at its latest committed seq: older events are history, not news. */
  void startAtLatest() {
    lastSeen.clear();
    lastSeen.putAll(history.latestSeqs());
  }

  /** Delivers {@code e} in its place: after any missing predecessors, never twice. */
  void offer(Event e) {
    long last = lastSeen.getOrDefault(e.topic(), 0L);
    if (e.seq() <= last) {
      return;
    }
    if (e.seq() > last + 1) {
      fill(e.topic(), e.seq() - 1);
      if (e.seq() <= lastSeen.getOrDefault(e.topic(), 0L)) {
        return;
      }
    }
    emit(e);
  }

  /** Delivers every committed event not yet delivered, for each topic. */
  void catchUp() {
    for (Map.Entry<String, Long> latest : history.latestSeqs().entrySet()) {
      fill(latest.getKey(), latest.getValue());
    }
  }

  long lastSeen(String topic) {
    return lastSeen.getOrDefault(topic, 0L);
  }

  private void fill(String topic, long upTo) {
    long last = lastSeen.getOrDefault(topic, 0L);
    while (last < upTo) {
      List<Event> page = history.since(topic, last, (int) Math.min(PAGE, upTo - last));
      if (page.isEmpty()) {
        return;
      }
      for (Event e : page) {
        emit(e);
      }
      last = lastSeen.get(topic);
    }
  }

  private void emit(Event e) {
    lastSeen.put(e.topic(), e.seq());
    deliver.accept(e);
  }
}
