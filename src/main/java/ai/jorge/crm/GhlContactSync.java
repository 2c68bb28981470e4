package ai.jorge.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a lead's temperature tag and answers to its GoHighLevel contact: adds the current {@code
 * jorge-<temperature>} tag, removes the other two, and sets the answers as custom fields. Runs
 * from the CRM task queue (never inside a turn); every call sets state, so a retry is harmless.
 */
public final class GhlContactSync implements CrmTaskDispatcher.Handler {
  static final List<String> TAGS = List.of("jorge-hot", "jorge-warm", "jorge-cold");
  private final GhlClient client;
  private final ObjectMapper json;

  public GhlContactSync(GhlClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  @Override
  public void handle(CrmTask task) throws Channel.DeliveryException {
    ContactSync sync;
    try {
      sync = json.readValue(task.payload(), ContactSync.class);
    } catch (IOException e) {
      throw new Channel.DeliveryException("unreadable contact sync: " + e.getMessage(), false);
    }
    String path = "/contacts/" + sync.externalContactId();
    if (sync.temperature() != null) {
      String tag = "jorge-" + sync.temperature().toLowerCase(Locale.ROOT);
      List<String> others = new ArrayList<>(TAGS);
      others.remove(tag);
      client.call("POST", path + "/tags", Map.of("tags", List.of(tag)));
      client.call("DELETE", path + "/tags", Map.of("tags", others));
    }
    if (!sync.fields().isEmpty()) {
      List<Map<String, Object>> custom = new ArrayList<>();
      sync.fields().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> custom.add(Map.of("key", e.getKey(), "field_value", String.valueOf(e.getValue()))));
      client.call("PUT", path, Map.of("customFields", custom));
    }
  }
}
