package ai.jorge.conversation.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds home prices in whole dollars: "$650k", "650,000", "1.2 million", "around 700 thousand",
 * "six fifty" and ranges ("between 1.1 and 1.3 million"). Zip codes, years, bed and bath counts,
 * square footage, durations, times and phone numbers are masked first and never read as prices.
 * Bare small numbers ("around 600") count only when the caller says a price is being discussed.
 */
public final class PriceParser {
  private static final long MIN = 10_000;
  private static final long MAX = 100_000_000;
  private static final List<Pattern> FALSE_FRIENDS =
      List.of(
          Pattern.compile("\\+?\\b1?[ .-]?\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}\\b"),
          Pattern.compile("\\(\\d{3}\\)\\s*\\d{3}[ .-]?\\d{4}"),
          Pattern.compile("\\b\\d{3}[.-]\\d{4}\\b"),
          Pattern.compile("(?<![$\\d,.])\\b\\d{10,11}\\b"),
          Pattern.compile("\\b\\d{1,2}(?::\\d{2})\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?"),
          Pattern.compile("\\b\\d{1,2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)"),
          Pattern.compile("\\bzip(?: ?code)?:?\\s*\\d+"),
          Pattern.compile(
              "(?<![$\\d,.])(?<!\\$"
                  + " )\\b\\d{5}(?:-\\d{4})?\\b(?!\\s*(?:k\\b|grand|thousand|,\\d|\\.\\d))"),
          Pattern.compile(
              "(?<![$\\d,.])(?<!\\$"
                  + " )\\b(?:19|20)\\d{2}\\b(?!\\s*(?:k\\b|grand|thousand|m\\b|million|'?s\\b|,\\d))"),
          Pattern.compile(
              "\\b\\d[\\d,.]*\\s*k?\\s*\\+?\\s*(?:sq\\.?\\s*(?:ft|feet|foot)\\.?|sqft|square\\s*(?:feet|foot|ft)|sf)\\b"),
          Pattern.compile(
              "\\b\\d+(?:\\.\\d+)?\\s*(?:(?:-|to|or)\\s*\\d+(?:\\.\\d+)?\\s*)?\\+?\\s*-?\\s*(?:beds?|bedrooms?|br|bd|bdrms?|baths?"
                  + "|bathrooms?|ba|bth|car|cars|garages?|story|stories|kids|children|people|units?|acres?|%|percent|years?"
                  + " old|doors?|pets?|dogs?|cats?|schools?|miles?|mi|minutes?|mins?"
                  + "|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|x)\\b"),
          Pattern.compile("\\b\\d+\\s*/\\s*\\d+\\b"),
          Pattern.compile("\\b\\d+(?:st|nd|rd|th)\\b"),
          Pattern.compile("(?:#|\\b(?:apt|unit|suite|ste|lot|no\\.?)\\s*)\\d+\\b"),
          Pattern.compile(
              "\\b\\d+\\s+(?:[nsew]\\.?\\s+)?[a-z]+(?:\\s+[a-z]+)?\\s+(?:st|street|ave|avenue|rd|road|dr|drive|ln"
                  + "|lane|blvd|boulevard|ct|court|way|pl|place|cir|circle|pkwy|parkway|ter|terrace)\\b"));
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(\\$\\s*)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)('?s\\b)?\\s*"
              + "(k|mm|m|mil|million|millions|thousand|grand)?\\b");
  private static final Pattern JOINER =
      Pattern.compile("^\\s*(?:-|to|and|or|through|and maybe)\\s*(?:\\$\\s*)?$");
  private static final Pattern EXCLUDED_BEFORE =
      Pattern.compile(
          "\\b(?:owe|owed|paid|bought|balance|payoff|pay off|down payment|income|salary|rent"
              + " is|rent of|taxes|hoa|commission)\\b(?:\\s+(?:it|the house|the"
              + " home|about|around|like|roughly|maybe|for|at|is|of|was|only|just|still|left|on"
              + " it))*\\s*\\$?\\s*$");
  private static final Pattern CONTEXT_CUE =
      Pattern.compile(
          "\\b(?:price|priced|asking|budget|spend|worth|sell (?:it |the house |the home |my house"
              + " |for )?(?:for|at)|list (?:it )?(?:for|at)|get for|hoping for|hoping to"
              + " get|want(?:ing)? (?:to get )?(?:around|about|at least|like)|range|up"
              + " to|under|max|maximum|no more than)\\b");

  private PriceParser() {}

  /** The first price mentioned, as its midpoint when it is a range. */
  public static Optional<Long> parse(String text, boolean priceContext) {
    return mentions(text, priceContext).stream().findFirst().map(PriceRange::midpoint);
  }

  /** Every plausible price or range in order of appearance. */
  public static List<PriceRange> mentions(String text, boolean priceContext) {
    String s = NumberWords.digitize(Normalized.of(text));
    boolean context = priceContext || Normalized.has(s, CONTEXT_CUE);
    for (Pattern p : FALSE_FRIENDS) {
      s = p.matcher(s).replaceAll(" ~ ");
    }
    List<Raw> raws = new ArrayList<>();
    Matcher m = AMOUNT.matcher(s);
    while (m.find()) {
      raws.add(Raw.of(m, s));
    }
    List<PriceRange> out = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      Raw a = raws.get(i);
      if (i + 1 < raws.size() && JOINER.matcher(s.substring(a.end, raws.get(i + 1).start)).find()) {
        Raw b = raws.get(i + 1);
        Raw first =
            a.multiplier == 0 && b.multiplier != 0 && !a.comma ? a.withMultiplier(b.multiplier) : a;
        Raw second =
            b.multiplier == 0 && a.multiplier != 0 && !b.comma ? b.withMultiplier(a.multiplier) : b;
        long low = first.dollars(context || second.multiplier != 0);
        long high = second.dollars(context || first.multiplier != 0);
        if (plausible(low) && plausible(high) && !excluded(a)) {
          out.add(new PriceRange(Math.min(low, high), Math.max(low, high), a.before));
          i++;
          continue;
        }
      }
      long v = a.dollars(context);
      if (plausible(v) && !excluded(a)) {
        out.add(new PriceRange(v, v, a.before));
      }
    }
    return out;
  }

  private static boolean plausible(long v) {
    return v >= MIN && v <= MAX;
  }

  private static boolean excluded(Raw r) {
    return EXCLUDED_BEFORE.matcher(r.before).find();
  }

  private record Raw(
      double number,
      boolean dollar,
      boolean comma,
      boolean plural,
      long multiplier,
      int start,
      int end,
      String before) {
    static Raw of(Matcher m, String s) {
      String digits = m.group(2);
      long mult =
          switch (m.group(4) == null ? "" : m.group(4)) {
            case "k", "thousand", "grand" -> 1_000L;
            case "m", "mm", "mil", "million", "millions" -> 1_000_000L;
            default -> 0L;
          };
      String before = s.substring(Math.max(0, m.start() - 30), m.start());
      return new Raw(
          Double.parseDouble(digits.replace(",", "")),
          m.group(1) != null,
          digits.contains(","),
          m.group(3) != null,
          mult,
          m.start(),
          m.end(),
          before);
    }

    Raw withMultiplier(long mult) {
      return new Raw(number, dollar, comma, plural, mult, start, end, before);
    }

    long dollars(boolean context) {
      if (multiplier != 0) {
        return Math.round(number * multiplier);
      }
      if (plural) {
        boolean qualified = before.matches(".*\\b(?:low|lower|mid|high|upper|the)\\s*$");
        return (context || dollar || qualified) && number >= 100 && number < 10_000
            ? pluralDecade()
            : 0;
      }
      if (comma || number >= 10_000) {
        return context || dollar || comma || number >= 100_000 ? Math.round(number) : 0;
      }
      if (!context) {
        return 0;
      }
      if (number < 10 && number != Math.rint(number)) {
        return Math.round(number * 1_000_000);
      }
      return number >= 50 ? Math.round(number * 1_000) : 0;
    }

    private long pluralDecade() {
      String tail = before.strip();
      long base = Math.round(number * 1_000);
      long step = 10_000;
      if (tail.endsWith("low") || tail.endsWith("lower")) {
        return base + 2 * step;
      }
      if (tail.endsWith("high") || tail.endsWith("upper")) {
        return base + 8 * step;
      }
      return base + 5 * step;
    }
  }
}
