package ai.jorge.conversation.extract;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a buyer's criteria: beds, baths (halves allowed), minimum square feet, price range and an
 * area from the configured service areas (matched case-insensitively, returned in its canonical
 * spelling, longest name first so "Chino Hills" wins over "Chino"). A single price is the maximum
 * unless introduced as a floor ("at least", "over"). Zip codes are never prices.
 */
public final class BuyerCriteriaParser {
  private static final Pattern BEDS =
      Pattern.compile(
          "\\b(\\d{1,2})\\s*\\+?\\s*(?:-\\s*)?(?:or more\\s+)?(?:beds?|bedrooms?|br|bd|bdrms?)\\b");
  private static final Pattern SLASH =
      Pattern.compile(
          "(?<!\\d\\s)\\b(\\d)\\s*/\\s*(\\d(?:\\.5)?)\\b(?!\\s*(?:baths?|bathrooms?|ba)\\b)");
  private static final Pattern BATHS =
      Pattern.compile(
          "\\b(\\d{1,2}(?:\\.5)?|\\d\\s*(?:1/2|½))\\s*\\+?\\s*(?:-\\s*)?(?:full\\s+)?(?:baths?|bathrooms?|ba|bth)\\b");
  private static final Pattern SQFT =
      Pattern.compile(
          "(\\d[\\d,]*(?:\\.\\d+)?)\\s*(k)?\\s*\\+?\\s*(?:sq\\.?\\s*(?:ft|feet|foot)\\.?|sqft|square\\s*(?:feet|foot|ft)|sf)\\b");
  private static final Pattern FLOOR_CUE =
      Pattern.compile(
          "\\b(?:at least|over|above|from|starting (?:at|from)|min(?:imum)?|more than|no less"
              + " than)\\s*\\$?\\s*$");

  private final List<String> areas;

  public BuyerCriteriaParser(List<String> serviceAreas) {
    this.areas =
        serviceAreas.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  public BuyerCriteria parse(String text, boolean asked) {
    String s = NumberWords.digitize(Normalized.of(text));
    Integer beds = null;
    Number baths = null;
    Matcher slash = SLASH.matcher(s);
    if (slash.find()) {
      beds = Integer.valueOf(slash.group(1));
      baths = number(Double.parseDouble(slash.group(2)));
    }
    Matcher b = BEDS.matcher(s);
    if (b.find()) {
      beds = Integer.valueOf(b.group(1));
    }
    Matcher ba = BATHS.matcher(s);
    if (ba.find()) {
      String v = ba.group(1).replaceAll("\\s*(?:1/2|½)", ".5");
      baths = number(Double.parseDouble(v));
    }
    Long sqft = null;
    Matcher sq = SQFT.matcher(s);
    if (sq.find()) {
      double n = Double.parseDouble(sq.group(1).replace(",", ""));
      sqft = Math.round(sq.group(2) != null ? n * 1000 : n);
    }
    Long min = null;
    Long max = null;
    List<PriceRange> prices = PriceParser.mentions(text, asked);
    if (!prices.isEmpty()) {
      PriceRange p = prices.get(0);
      if (p.isRange()) {
        min = p.low();
        max = p.high();
      } else if (FLOOR_CUE.matcher(p.before()).find()) {
        min = p.low();
      } else {
        max = p.high();
      }
    }
    return new BuyerCriteria(beds, baths, sqft, min, max, area(text));
  }

  /** The configured service area named in the text, in its configured spelling, or null. */
  public String area(String text) {
    String s =
        " " + Normalized.of(text).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ") + " ";
    for (String area : areas) {
      String key =
          area.toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9 ]", " ")
              .replaceAll("\\s+", " ")
              .strip();
      if (s.contains(" " + key + " ")) {
        return area;
      }
    }
    for (String area : areas) {
      String first = area.toLowerCase(Locale.ROOT).split("\\s+")[0];
      boolean unique =
          areas.stream().filter(a -> a.toLowerCase(Locale.ROOT).startsWith(first)).count() == 1;
      if (area.contains(" ") && unique && first.length() >= 5 && s.contains(" " + first + " ")) {
        return area;
      }
    }
    return null;
  }

  private static Number number(double v) {
    if (v == Math.rint(v)) {
      return Integer.valueOf((int) v);
    }
    return Double.valueOf(v);
  }
}
