package ai.jorge.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as sent on the WebSocket, serialised to UTF-8 at most once per audience however many
 * clients receive it: the full form and the viewer form without contact details. Thread-safe.
 */
final class Rendered {
  private final Event event;
  private final ObjectMapper json;
  private volatile byte[] full;
  private volatile byte[] redacted;

  Rendered(Event event, ObjectMapper json) {
    this.event = event;
    this.json = json;
  }

  Event event() {
    return event;
  }

  /** The frame payload; callers must not modify it. */
  byte[] utf8(boolean viewer) {
    if (viewer) {
      byte[] r = redacted;
      if (r == null) {
        r = write(ViewerRedaction.redact(event.data()));
        redacted = r;
      }
      return r;
    }
    byte[] f = full;
    if (f == null) {
      f = write(event.data());
      full = f;
    }
    return f;
  }

  private byte[] write(Map<String, Object> data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "event");
    m.put("topic", event.topic());
    m.put("seq", event.seq());
    m.put("event", event.type());
    m.put("at", event.at());
    m.put("data", data);
    try {
      return json.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event is not serialisable", e);
    }
  }
}
