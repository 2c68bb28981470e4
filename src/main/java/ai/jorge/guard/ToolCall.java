package ai.jorge.guard;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jorge guard pre-tool-use}: checks a coding assistant's tool call given as Claude Code hook
 * JSON ({@code {"tool_name":..., "tool_input":{...}}}). Bash commands get the command checks;
 * Write, Edit, MultiEdit and NotebookEdit the content checks on the new text with its file path;
 * other tools naming a file or path (Read, Grep, Glob, ...) the path checks. A tool call that
 * cannot be read is blocked. Stateless.
 */
public final class ToolCall {
  static final String INPUT_RULE = "guard.input";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolCall() {}

  public static Decision check(Guard guard, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      return unreadable("not JSON");
    }
    boolean wellFormed = root != null
        && root.path("tool_name").isTextual() && root.path("tool_input").isObject();
    if (!wellFormed) {
      return unreadable("expected tool_name and tool_input");
    }
    JsonNode in = root.get("tool_input");
    String path = firstText(in, "file_path", "notebook_path", "path");
    return switch (root.get("tool_name").asText()) {
      case "Bash" -> in.path("command").isTextual()
          ? guard.checkCommand(in.get("command").asText())
          : unreadable("Bash without a command");
      case "Write" -> guard.checkContent(in.path("content").asText(""), path);
      case "Edit" -> guard.checkContent(in.path("new_string").asText(""), path);
      case "NotebookEdit" -> guard.checkContent(in.path("new_source").asText(""), path);
      case "MultiEdit" -> guard.checkContent(String.join("\n", newStrings(in)), path);
      default -> path == null ? Decision.allow(1) : guard.checkPath(path);
    };
  }

  private static Decision unreadable(String why) {
    return new Decision(Verdict.BLOCK, INPUT_RULE, 1, "unreadable tool call: " + why);
  }

  private static String firstText(JsonNode in, String... fields) {
    for (String f : fields) {
      if (in.path(f).isTextual() && !in.get(f).asText().isEmpty()) {
        return in.get(f).asText();
      }
    }
    return null;
  }

  private static List<String> newStrings(JsonNode in) {
    List<String> out = new ArrayList<>();
    in.path("edits").forEach(e -> out.add(e.path("new_string").asText("")));
    return out;
  }
}
