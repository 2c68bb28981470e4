package ai.jorge.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed, validating access to one rule's entry in hooks.yaml; a missing required field throws. */
record Params(String ruleId, JsonNode node) {

  String text(String field, String fallback) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  int integer(String field, int fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be an integer");
    }
    return v.asInt();
  }

  double decimal(String field, double fallback) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? fallback : v.asDouble();
  }

  boolean flag(String field, boolean fallback) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? fallback : v.asBoolean();
  }

  List<String> list(String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + " is required");
      }
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    } else {
      out.add(v.asText());
    }
    return List.copyOf(out);
  }

  List<Pattern> patterns(String field, boolean required, int flags) {
    return list(field, required).stream().map(p -> Pattern.compile(p, flags)).toList();
  }

  /** A map of group name to pattern list, or a plain list under the group name {@code ""}. */
  Map<String, List<Pattern>> groupedPatterns(String field, int flags) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is required");
    }
    Map<String, List<Pattern>> out = new LinkedHashMap<>();
    if (v.isObject()) {
      v.properties().forEach(e -> out.put(e.getKey(), compileAll(e.getValue(), flags)));
    } else {
      out.put("", compileAll(v, flags));
    }
    return out;
  }

  private static List<Pattern> compileAll(JsonNode list, int flags) {
    List<Pattern> out = new ArrayList<>();
    if (list.isArray()) {
      list.forEach(e -> out.add(Pattern.compile(e.asText(), flags)));
    } else {
      out.add(Pattern.compile(list.asText(), flags));
    }
    return List.copyOf(out);
  }
}
