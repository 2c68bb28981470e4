package ai.jorge.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Events a transaction gathers as it goes and appends only as its last writes, with {@link
 * EventLog#append(org.jdbi.v3.core.Handle, EventDrafts)}: a topic's seq row stays locked from the
 * append to the commit, so appending last keeps that lock for the commit alone instead of the whole
 * transaction. One per transaction; not thread-safe.
 */
public final class EventDrafts {
  record Draft(String topic, String type, Map<String, Object> data) {}

  private final List<Draft> drafts = new ArrayList<>();

  public void add(String topic, String type, Map<String, Object> data) {
    if (!EventLog.TOPICS.contains(topic)) {
      throw new IllegalArgumentException("unknown topic " + topic);
    }
    drafts.add(new Draft(topic, type, data));
  }

  public boolean isEmpty() {
    return drafts.isEmpty();
  }

  List<Draft> drafts() {
    return drafts;
  }
}
