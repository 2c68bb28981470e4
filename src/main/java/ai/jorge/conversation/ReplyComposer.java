package ai.jorge.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins a turn's statements and its one question into messages no longer than the configured limit:
 * one message when it fits, otherwise the statements and the question apart, and any text still too
 * long cut at a word boundary.
 */
final class ReplyComposer {
  private ReplyComposer() {}

  static List<String> compose(List<String> statements, String question, int max) {
    List<String> parts = new ArrayList<>(statements.stream().filter(s -> !s.isBlank()).toList());
    if (question != null && !question.isBlank()) {
      parts.add(question);
    }
    if (parts.isEmpty()) {
      return List.of();
    }
    String all = String.join(" ", parts);
    if (all.length() <= max) {
      return List.of(all);
    }
    List<String> out = new ArrayList<>();
    String said = String.join(" ", statements.stream().filter(s -> !s.isBlank()).toList());
    if (!said.isBlank()) {
      out.add(truncate(said, max));
    }
    if (question != null && !question.isBlank()) {
      out.add(truncate(question, max));
    }
    return out;
  }

  static String truncate(String text, int max) {
    String t = text.strip();
    if (t.length() <= max) {
      return t;
    }
    String cut = t.substring(0, max);
    int space = cut.lastIndexOf(' ');
    if (space > max / 2) {
      cut = cut.substring(0, space);
    }
    return cut.replaceAll("[\\s,;:(-]+$", "");
  }
}
