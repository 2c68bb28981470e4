package ai.jorge.conversation.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Classifies a home's condition as {@code move_in_ready}, {@code minor_repairs} or {@code
 * major_repairs}. Major work is checked first ("a lot of work", "new roof", "fixer"), then minor
 * ("paint", "carpet", "some work"), then ready; a negated ready phrase ("not move-in ready") counts
 * as minor repairs. Loose answers ("it's fine", "needs work") only count when the condition was
 * just asked.
 */
public final class ConditionParser {
  private static final Pattern MAJOR =
      Pattern.compile(
          "\\b(?:(?:a )?lots? of work|a ton of work|major|fixer|fixer[- ]upper|new roof|roof"
              + " (?:leaks|is shot|needs)|foundation|gut(?:ted)?|tear ?down|needs"
              + " everything|mold|water damage|fire damage|termites?|structural|full"
              + " (?:remodel|renovation)|needs (?:a )?(?:complete|total|full)|rough shape|bad"
              + " shape|uninhabitable|condemned|plumbing (?:issues|problems)|electrical"
              + " (?:issues|problems)|needs a lot|falling apart|(?:big|serious|significant)"
              + " (?:repairs|work|issues))\\b");
  private static final Pattern MINOR =
      Pattern.compile(
          "\\b(?:some work|minor|paint|painting|carpet|carpets|cosmetic|little work|bit of work|few"
              + " things|few repairs|touch[- ]?ups?|tlc|small repairs|some repairs|needs (?:some"
              + " )?updat\\w*|dated|outdated|original (?:kitchen|bathrooms?)|new"
              + " floors|flooring|fixtures|little (?:love|updating)|not (?:move[- ]in ready|in"
              + " great shape|perfect)|could use (?:some|a little))\\b");
  private static final Pattern READY =
      Pattern.compile(
          "\\b(?:move[- ]?in[- ]?ready|turn ?key|great (?:shape|condition)|good"
              + " (?:shape|condition)|excellent|perfect"
              + " (?:shape|condition)|pristine|immaculate|like new|brand new|fully"
              + " (?:updated|remodeled|renovated)|recently (?:updated|remodeled|renovated)|(?:just"
              + " |newly )?(?:remodeled|renovated)|updated|no work|ready to (?:move|go)|well"
              + " maintained|mint|nothing needed|doesn't need anything|new construction)\\b");
  private static final Pattern LOOSE_READY =
      Pattern.compile(
          "^(?:it'?s |it is |pretty |really"
              + " )?(?:fine|good|great|nice|solid|ready|decent|ok|okay)[.!]*$");
  private static final Pattern LOOSE_MINOR =
      Pattern.compile("\\b(?:needs|need) (?:some )?work\\b|\\bwork\\b");

  private ConditionParser() {}

  public static Optional<String> parse(String text, boolean asked) {
    String s = Normalized.of(text);
    if (Normalized.has(s, MAJOR)) {
      return Optional.of("major_repairs");
    }
    if (Normalized.has(s, MINOR)) {
      return Optional.of("minor_repairs");
    }
    if (Normalized.has(s, READY)) {
      return Optional.of("move_in_ready");
    }
    if (asked && LOOSE_READY.matcher(s).matches()) {
      return Optional.of("move_in_ready");
    }
    if (asked && Normalized.has(s, LOOSE_MINOR)) {
      return Optional.of("minor_repairs");
    }
    return Optional.empty();
  }
}
