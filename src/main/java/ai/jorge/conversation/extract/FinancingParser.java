package ai.jorge.conversation.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads how a buyer will pay: {@code preapproved}, {@code cash} or {@code not_yet}. Negations are
 * checked first ("not pre-approved yet" is not_yet); a bare yes or no only counts when the
 * financing question was just asked.
 */
public final class FinancingParser {
  private static final Pattern NOT_YET =
      Pattern.compile(
          "\\b(?:not (?:yet|pre-? ?approved|preapproved|approved)|haven'?t (?:\\w+"
              + " ){0,3}(?:approved|started|applied|talked|gotten|got)|have not|need to"
              + " (?:get|find|talk)|working on"
              + " (?:it|that|getting)|(?:talking|talked|speaking|spoke) (?:to|with) (?:a |some |our"
              + " |my )?(?:lenders?|banks?|brokers?|loan)|still"
              + " (?:shopping|looking|working|figuring)|in (?:the )?process|applying|will get|going"
              + " to get|gonna get|about to get|pre-? ?qual\\w*|need (?:a )?(?:lender|loan)|no"
              + " lender|fha|va loan|conventional loan|need financing|will need (?:a"
              + " )?(?:loan|mortgage|financing))\\b");
  private static final Pattern CASH =
      Pattern.compile(
          "\\b(?:cash|all[- ]cash|paying outright|outright|no (?:loan|mortgage|financing)"
              + " needed)\\b");
  private static final Pattern PREAPPROVED =
      Pattern.compile(
          "\\b(?:pre-? ?approved|preapproved|pre-? ?approval|preapproval|approved for|approval"
              + " letter|already approved|have (?:a |our )?(?:loan|financing) (?:lined"
              + " up|approved|ready))\\b");
  private static final Pattern YES =
      Pattern.compile("^(?:yes|yeah|yep|yup|ya|sure|we are|i am|correct)\\b.*");
  private static final Pattern NO = Pattern.compile("^(?:no|nope|nah|not really)\\b.*");

  private FinancingParser() {}

  public static Optional<String> parse(String text, boolean asked) {
    String s = Normalized.of(text);
    boolean cashNegated = s.matches(".*\\b(?:not|no|n't) (?:be )?(?:paying )?(?:all )?cash\\b.*");
    if (Normalized.has(s, NOT_YET) && (!s.contains("cash") || cashNegated)) {
      return Optional.of("not_yet");
    }
    if (Normalized.has(s, CASH) && !cashNegated) {
      return Optional.of("cash");
    }
    if (Normalized.has(s, PREAPPROVED)) {
      return Optional.of("preapproved");
    }
    if (asked && YES.matcher(s).matches()) {
      return Optional.of("preapproved");
    }
    if (asked && NO.matcher(s).matches()) {
      return Optional.of("not_yet");
    }
    return Optional.empty();
  }
}
