package ai.jorge.events;

import ai.jorge.ops.MaskingConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a viewer may see of an event (SPEC §5, §8): the contact id and first name stay; phone,
 * email and full names go; phone numbers and emails inside message texts are masked. Applied
 * recursively to nested maps and lists. Stateless and thread-safe.
 */
public final class ViewerRedaction {
  private static final Set<String> DROPPED =
      Set.of("phone", "email", "full_name", "contact_name", "first_name", "last_name", "address");
  private static final Set<String> NAMES = Set.of("name");
  private static final Set<String> TEXTS = Set.of("text", "body", "summary");

  private ViewerRedaction() {}

  public static Map<String, Object> redact(Map<String, Object> data) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : data.entrySet()) {
      String key = e.getKey();
      Object v = e.getValue();
      if (DROPPED.contains(key)) {
        continue;
      }
      if (NAMES.contains(key)) {
        out.put(key, v instanceof String s ? firstName(s) : null);
      } else if (TEXTS.contains(key) && v instanceof String s) {
        out.put(key, MaskingConverter.mask(s));
      } else {
        out.put(key, value(v));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object v) {
    if (v instanceof Map<?, ?> m) {
      return redact((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ViewerRedaction::value).toList();
    }
    return v;
  }

  /** The first word of a name, or null for a blank one. */
  public static String firstName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return name.trim().split("\\s+")[0];
  }
}
