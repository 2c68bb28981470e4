package ai.jorge.conversation.extract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies why a lead wants to move into relocation, divorce, foreclosure, financial,
 * inheritance, downsizing, upsizing, retirement, medical or landlord_exit, and picks out a named
 * destination ("relocating to Austin"). Categories are checked in order of how much they drive a
 * sale, so "divorce, so we want something smaller" is divorce. {@code other} is only returned when
 * the caller asked about motivation and the answer says something substantive.
 */
public final class MotivationParser {
  private static final Map<String, Pattern> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put(
        "foreclosure",
        Pattern.compile(
            "foreclos|behind on (?:my |our |the )?(?:payments|mortgage|house payments)|notice of"
                + " default|bank is (?:taking|going to take)|short sale|auction date|missed (?:\\w+"
                + " )?payments"));
    CATEGORIES.put(
        "divorce",
        Pattern.compile(
            "divorc|separat(?:ed|ing|ion)|splitting up|split up|ex[- ](?:wife|husband)|break ?up"));
    CATEGORIES.put(
        "inheritance",
        Pattern.compile(
            "inherit|passed away|probate|(?<!real )\\bestate\\b|\\bdied\\b|(?:late|deceased)"
                + " (?:mom|mother|dad|father|parents?)|(?:mom|mother|dad|father|parents|grandma|grandmother|grandpa|aunt|uncle)'s"
                + " (?:house|home|place)"));
    CATEGORIES.put(
        "medical",
        Pattern.compile(
            "medical|health|illness|\\bsick\\b|assisted living|nursing"
                + " home|disabilit|wheelchair|surgery|cancer|can't do (?:the )?stairs|single[-"
                + " ]story for"));
    CATEGORIES.put("retirement", Pattern.compile("retir"));
    CATEGORIES.put(
        "relocation",
        Pattern.compile(
            "relocat|transferr?(?:ed|ing)?\\b|job transfer|new job|job (?:offer|in|out of)|moving"
                + " for work|for (?:my|his|her|our) (?:\\w+'s )?(?:job|work)|military|\\bpcs\\b|new"
                + " position|out of state|moving across|closer to (?:family|work|my|our|the"
                + " kids)"));
    CATEGORIES.put(
        "financial",
        Pattern.compile(
            "can't afford|cannot afford|too expensive|bills|debt|financial|lost (?:my|our|his|her)"
                + " job|job loss|laid off|cash out|pull (?:out )?(?:the )?equity|payments?"
                + " (?:is|are) too|bankrupt"));
    CATEGORIES.put(
        "downsizing",
        Pattern.compile(
            "downsiz|too big|something smaller|smaller (?:place|home|house)|empty nest|kids (?:have"
                + " )?(?:moved|moving|are) (?:out|gone)|don't need (?:all )?(?:this|the|that)"
                + " (?:space|room)|too much (?:house|space|yard)|less"
                + " (?:space|house|upkeep|maintenance)"));
    CATEGORIES.put(
        "upsizing",
        Pattern.compile(
            "upsiz|bigger|more (?:space|room|bedrooms)|outgr[eo]w|growing family|family is"
                + " growing|\\bbaby\\b|expecting|another (?:kid|child)|need (?:more|extra)"
                + " (?:room|space)|larger (?:home|house|place)"));
    CATEGORIES.put(
        "landlord_exit",
        Pattern.compile(
            "landlord|tenant|renters?\\b|rental|investment property|tired of managing|rent(?:ing)?"
                + " it out"));
  }

  private static final Pattern DESTINATION =
      Pattern.compile(
          "\\b(?i:moving|move|relocating|relocate|transferring|transferred|heading|headed)\\s+(?i:back\\s+)?(?i:to|out"
              + " to|down to|up to|over"
              + " to)\\s+([A-Za-z][A-Za-z.'-]*(?:\\s+[A-Z][A-Za-z.'-]*){0,2})");
  private static final Pattern NOT_A_PLACE =
      Pattern.compile(
          "(?i)^(?:a|an|the|be|somewhere|another|smaller|bigger|our|my|his|her|their|a"
              + " bigger|work|sell|buy|get"
              + "|take|do|live|stay|retire|make|help|find|have|start|see|try|rent|state|town|city)\\b.*");
  private static final Pattern FILLER =
      Pattern.compile(
          "^(?:i ?d(?:on'?t)? ?k(?:now)?|idk|dunno|not sure|no"
              + " idea|hmm+|um+|uh+|ok(?:ay)?|k|yes|no|yeah|nope|maybe|why|what|huh|\\?+|lol|n/?a|none|nothing|just"
              + " because|no reason|reasons|personal|it's personal|rather not say|prefer not to"
              + " say)[.!?]*$");

  private MotivationParser() {}

  public static Optional<Motivation> parse(String text, boolean asked) {
    String s = Normalized.of(text);
    String destination = destination(text);
    for (Map.Entry<String, Pattern> e : CATEGORIES.entrySet()) {
      if (e.getValue().matcher(s).find()) {
        return Optional.of(new Motivation(e.getKey(), destination));
      }
    }
    if (destination != null) {
      return Optional.of(new Motivation("relocation", destination));
    }
    if (asked && isSubstantive(s)) {
      return Optional.of(new Motivation(Motivation.OTHER, null));
    }
    return Optional.empty();
  }

  static boolean isSubstantive(String normalized) {
    String s = normalized.replaceAll("[^a-z' ]", " ").strip();
    return !FILLER.matcher(normalized).matches() && s.split("\\s+").length >= 3;
  }

  private static String destination(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = DESTINATION.matcher(raw.replace('\u2019', '\''));
    while (m.find()) {
      String place = m.group(1).replaceAll("[.'-]+$", "").strip();
      place =
          place.replaceAll(
              "(?i)\\s+(?:for|because|with|in|next|soon|and|to|by|after|this|when)\\b.*$", "");
      if (!NOT_A_PLACE.matcher(place).matches() && !place.isBlank()) {
        return titleCase(place);
      }
    }
    return null;
  }

  private static String titleCase(String place) {
    StringBuilder out = new StringBuilder();
    for (String w : place.split("\\s+")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(
          w.length() <= 2 && w.equals(w.toUpperCase())
              ? w
              : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return out.toString();
  }
}
