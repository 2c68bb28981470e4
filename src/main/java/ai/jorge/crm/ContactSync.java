package ai.jorge.crm;

import java.util.Map;

/**
 * The state of a lead to write to its CRM contact: the temperature (as a {@code jorge-hot|warm|cold}
 * tag) and the gathered answers (as custom fields, keyed {@code jorge_<side>_<answer>}).
 */
public record ContactSync(String externalContactId, String temperature, Map<String, Object> fields) {
  public ContactSync {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }
}
