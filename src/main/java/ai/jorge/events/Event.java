package ai.jorge.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the durable event log. {@code seq} rises by one per topic with no gaps, so a
 * client that remembers the last seq it saw can resume exactly.
 */
public record Event(
    String topic, long seq, String type, Instant at, String instanceId, Map<String, Object> data) {
  public Event {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }
}
