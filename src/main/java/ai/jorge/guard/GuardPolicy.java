package ai.jorge.guard;

import ai.jorge.InvalidInputException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed rules of hooks.yaml: the shipped default from the classpath ({@code
 * guard/hooks.yaml}), optionally merged with an override file. In an override, a rule with a known
 * id is patched field by field, a new id is added, {@code allow_paths} and {@code scan_skip_dirs}
 * are extended, and {@code replace: true} discards the default instead. Malformed YAML throws at
 * load; a malformed rule loads as one that blocks. Immutable, thread-safe.
 */
public final class GuardPolicy {
  static final String BUILT_IN = "guard/hooks.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<Rule> rules;
  private final List<String> allowPaths;
  private final List<String> skipDirs;
  private final String source;

  private GuardPolicy(
      List<Rule> rules, List<String> allowPaths, List<String> skipDirs, String source) {
    this.rules = List.copyOf(rules);
    this.allowPaths = List.copyOf(allowPaths);
    this.skipDirs = List.copyOf(skipDirs);
    this.source = source;
  }

  /** The shipped default policy. */
  public static GuardPolicy builtIn() {
    return fromTree(builtInTree(), "classpath:" + BUILT_IN);
  }

  /** The shipped default merged with {@code overrideFile}, which must exist. */
  public static GuardPolicy load(Path overrideFile) {
    String yaml;
    try {
      yaml = Files.readString(overrideFile);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read hooks file " + overrideFile + ": " + e.getMessage());
    }
    ObjectNode merged = merge(builtInTree(), parse(yaml, overrideFile.toString()));
    return fromTree(merged, "classpath:" + BUILT_IN + " + " + overrideFile);
  }

  /** {@link #load} when {@code overrideFile} exists, else {@link #builtIn}. */
  public static GuardPolicy loadIfPresent(Path overrideFile) {
    return Files.isRegularFile(overrideFile) ? load(overrideFile) : builtIn();
  }

  /** A policy from this YAML alone, without the shipped default. */
  public static GuardPolicy fromYaml(String yaml) {
    return fromTree(parse(yaml, "inline"), "inline");
  }

  /**
   * True when content checks are skipped for this repository-relative path (the guard's own
   * corpus).
   */
  public boolean allowListed(String relativePath) {
    String p = relativePath.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    String normalized = p;
    return allowPaths.stream().anyMatch(normalized::startsWith);
  }

  /** Directory names a tree scan does not descend into. */
  public List<String> skipDirs() {
    return skipDirs;
  }

  public List<String> ruleIds() {
    return rules.stream().map(Rule::id).distinct().toList();
  }

  /** Where this policy came from, for messages. */
  public String source() {
    return source;
  }

  List<Rule> rules() {
    return rules;
  }

  GuardPolicy plus(Rule rule) {
    List<Rule> more = new ArrayList<>(rules);
    more.add(rule);
    return new GuardPolicy(more, allowPaths, skipDirs, source + " + " + rule.id());
  }

  private static GuardPolicy fromTree(ObjectNode root, String source) {
    JsonNode ruleNodes = root.path("rules");
    if (!ruleNodes.isArray()) {
      throw new InvalidInputException("hooks file " + source + " has no 'rules' list");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < ruleNodes.size(); i++) {
      rules.addAll(RuleFactory.build(ruleNodes.get(i), i));
    }
    return new GuardPolicy(
        rules, strings(root, "allow_paths"), strings(root, "scan_skip_dirs"), source);
  }

  private static ObjectNode builtInTree() {
    try (InputStream in = GuardPolicy.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + BUILT_IN);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode parse(String yaml, String source) {
    try {
      JsonNode node = YAML.readTree(yaml);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new InvalidInputException("hooks file " + source + " must be a YAML mapping");
    } catch (JacksonException e) {
      throw new InvalidInputException(
          "hooks file " + source + " is not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static ObjectNode merge(ObjectNode base, ObjectNode override) {
    if (override.path("replace").asBoolean(false)) {
      return override;
    }
    ObjectNode out = base.deepCopy();
    for (String listField : List.of("allow_paths", "scan_skip_dirs")) {
      Set<String> union = new LinkedHashSet<>(strings(base, listField));
      union.addAll(strings(override, listField));
      ArrayNode array = out.putArray(listField);
      union.forEach(array::add);
    }
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    base.path("rules").forEach(r -> byId.put(r.path("id").asText(), ((ObjectNode) r).deepCopy()));
    int anonymous = 0;
    for (JsonNode r : override.path("rules")) {
      String id = r.path("id").asText("");
      if (!(r instanceof ObjectNode patch)) {
        byId.put("#" + anonymous++, YAML.createObjectNode().put("id", ""));
      } else if (byId.containsKey(id) && !id.isBlank()) {
        byId.get(id).setAll(patch);
      } else {
        byId.put(id.isBlank() ? "#" + anonymous++ : id, patch.deepCopy());
      }
    }
    ArrayNode rules = out.putArray("rules");
    byId.values().forEach(rules::add);
    return out;
  }

  private static List<String> strings(JsonNode root, String field) {
    List<String> out = new ArrayList<>();
    root.path(field).forEach(n -> out.add(n.asText()));
    return out;
  }
}
