package ai.jorge.conversation.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rates how pressing a move is: {@code high} ("asap", "urgent", "behind on payments", "sell fast"),
 * {@code medium} ("soon", "in a few months") or {@code low} ("no rush", "just curious", "someday").
 * Low is checked first so "not anytime soon" is not read as "soon".
 */
public final class UrgencyParser {
  private static final Pattern LOW =
      Pattern.compile(
          "\\b(?:no rush|no hurry|not in (?:a|any) (?:rush|hurry)|not urgent|just"
              + " curious|curious|someday|some day|eventually|down the road|not"
              + " (?:planning|looking|ready)|not anytime soon|not any time soon|in (?:a"
              + " )?(?:few|couple|\\d+) years|no plans|take (?:our|my) time|whenever|just"
              + " wondering)\\b");
  private static final Pattern HIGH =
      Pattern.compile(
          "\\b(?:asap|a\\.s\\.a\\.p|as soon as possible|urgent(?:ly)?|right away|immediately|behind"
              + " on|fast|quick|quickly|desperate(?:ly)?|foreclos\\w*|need to (?:sell|move|buy)"
              + " (?:now|fast|quickly)|right now|lease (?:ends|is up)|running out of time|time"
              + " sensitive)\\b");
  private static final Pattern MEDIUM =
      Pattern.compile(
          "\\b(?:soon|few months|couple (?:of )?months|this year|next few months|this"
              + " (?:spring|summer|fall|winter)|in (?:the )?(?:spring|summer|fall|winter)|sooner"
              + " rather than later|within (?:a|the) year)\\b");

  private static final Pattern NOT_SO_FAST =
      Pattern.compile("\\b(?:too|not (?:that|so)) (?:quick|quickly|fast|soon)\\b");

  private UrgencyParser() {}

  public static Optional<String> parse(String text) {
    String s = NOT_SO_FAST.matcher(Normalized.of(text)).replaceAll(" ");
    if (Normalized.has(s, LOW)) {
      return Optional.of("low");
    }
    if (Normalized.has(s, HIGH)) {
      return Optional.of("high");
    }
    if (Normalized.has(s, MEDIUM)) {
      return Optional.of("medium");
    }
    return Optional.empty();
  }
}
