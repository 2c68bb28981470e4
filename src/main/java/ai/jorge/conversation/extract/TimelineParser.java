package ai.jorge.conversation.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads timing from a message: spans ("in 2 months", "30-45 days", "within 3 weeks"), calendar
 * words ("by March", "next year", "end of the month"), urgency words ("asap" is 30 days), browsing
 * (180 days) and, when the fast-sale question was just asked, a yes or no. An explicit span always
 * wins over a vague word. Dates are counted from the given instant in the given zone.
 */
public final class TimelineParser {
  private static final Pattern SPAN =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(?:(?:-|to|or)\\s*(\\d+(?:\\.\\d+)?)\\s*)?(day|week|wk|month|mo|year|yr)s?\\b");
  private static final Pattern PAST_BEFORE =
      Pattern.compile(
          "\\b(?:lived|owned|been|had it|since|for the (?:last|past)|over the"
              + " (?:last|past))\\b[^.,;]{0,15}$");
  private static final Pattern PAST_AFTER = Pattern.compile("^\\s*(?:ago|old)\\b");
  private static final Pattern MONTH =
      Pattern.compile(
          "\\b(by|before|in|around|during|end of|until|till|sometime"
              + " in|early|mid|late)\\s+(january|february|march"
              + "|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug"
              + "|sept|sep|oct|nov|dec)\\b");
  private static final Pattern SEASON =
      Pattern.compile(
          "\\b(?:this|by|in the|by the|next|in|before)\\s+(spring|summer|fall|autumn|winter)\\b");
  private static final Pattern ASAP =
      Pattern.compile(
          "\\b(?:asap|a\\.s\\.a\\.p|as soon as (?:possible|we can|i can)|right"
              + " away|immediately|urgent(?:ly)?|right now|yesterday)\\b");
  private static final Pattern BROWSING =
      Pattern.compile(
          "\\b(?:just )?(?:browsing|window shopping|just looking|just starting to look|no"
              + " timeline)\\b");
  private static final Pattern NO =
      Pattern.compile(
          "\\b(?:no|nope|nah|not really|too (?:soon|quick|fast|early|short)|not that"
              + " (?:soon|fast|quick)|need more time|(?:won't|wouldn't|doesn't|does not|would"
              + " not|will not|don't think that would) work|can't|cannot|no rush|no hurry|not in a"
              + " (?:rush|hurry)|take (?:our|my) time|not (?:that|so) fast|not yet)\\b");
  private static final Pattern UNSURE =
      Pattern.compile(
          "\\b(?:not sure|unsure|don'?t know|idk|no idea|depends|maybe|hard to say|not"
              + " certain)\\b");
  private static final Pattern NO_PROBLEM = Pattern.compile("\\bno (?:problem|doubt|worries)\\b");
  private static final Pattern YES =
      Pattern.compile(
          "\\b(?:yes|yeah|yea|yep|yup|ya|sure|ok|okay|absolutely|definitely|of"
              + " course|totally|perfect|works|(?:would|could|will) work|work for"
              + " (?:us|me)|fine|sounds good|great|doable|i think so|sooner the better|the faster"
              + " the better|fast|quick|quickly|ideal|no problem|could do|can do|we can)\\b");

  private TimelineParser() {}

  public static Timeline parse(String text, boolean askedFastSale, Instant now, ZoneId zone) {
    String s = NumberWords.digitize(Normalized.of(text));
    LocalDate today = now.atZone(zone).toLocalDate();
    Integer days = span(s);
    boolean asap = Normalized.has(s, ASAP);
    if (days == null) {
      days = calendar(s, today);
    }
    if (days == null && asap) {
      days = 30;
    }
    if (days == null && Normalized.has(s, BROWSING)) {
      days = 180;
    }
    Boolean accepts = null;
    if (Normalized.has(s, UNSURE) && days == null) {
      return Timeline.NONE;
    }
    if (Normalized.has(s, NO) && !Normalized.has(s, NO_PROBLEM)) {
      accepts = askedFastSale || days != null ? Boolean.FALSE : null;
    } else if (asap || (askedFastSale && Normalized.has(s, YES))) {
      accepts = Boolean.TRUE;
    }
    if (accepts == null && days != null) {
      accepts = days <= 45;
    }
    return new Timeline(accepts, days);
  }

  private static Integer span(String s) {
    Matcher m = SPAN.matcher(s);
    while (m.find()) {
      if (PAST_BEFORE.matcher(s.substring(0, m.start())).find()
          || PAST_AFTER.matcher(s.substring(m.end())).find()) {
        continue;
      }
      double n = Double.parseDouble(m.group(2) != null ? m.group(2) : m.group(1));
      int unit =
          switch (m.group(3)) {
            case "day" -> 1;
            case "week", "wk" -> 7;
            case "month", "mo" -> 30;
            default -> 365;
          };
      long days = Math.round(n * unit);
      if (days > 0 && days <= 3650) {
        return (int) days;
      }
    }
    return null;
  }

  private static Integer calendar(String s, LocalDate today) {
    if (s.contains("next week") || s.contains("this week")) {
      return 7;
    }
    if (s.matches(".*\\b(?:end of (?:the|this) month|this month)\\b.*")) {
      return Math.max(
          1, (int) ChronoUnit.DAYS.between(today, today.withDayOfMonth(today.lengthOfMonth())));
    }
    if (s.contains("next month")) {
      return 30;
    }
    if (s.matches(".*\\b(?:end of (?:the|this) year|this year|by (?:the )?new year)\\b.*")) {
      return Math.max(
          1, (int) ChronoUnit.DAYS.between(today, LocalDate.of(today.getYear(), 12, 31)));
    }
    if (s.contains("next year")) {
      return 365;
    }
    Matcher m = MONTH.matcher(s);
    if (m.find()) {
      return untilMonth(m.group(1), month(m.group(2)), today);
    }
    Matcher season = SEASON.matcher(s);
    if (season.find()) {
      MonthDay start =
          switch (season.group(1)) {
            case "spring" -> MonthDay.of(3, 20);
            case "summer" -> MonthDay.of(6, 21);
            case "winter" -> MonthDay.of(12, 21);
            default -> MonthDay.of(9, 22);
          };
      LocalDate next = start.atYear(today.getYear());
      if (!next.isAfter(today)) {
        next = next.plusYears(1);
      }
      return (int) ChronoUnit.DAYS.between(today, next);
    }
    return null;
  }

  private static int untilMonth(String preposition, Month month, LocalDate today) {
    LocalDate first = LocalDate.of(today.getYear(), month, 1);
    if (first.plusMonths(1).isBefore(today) || first.plusMonths(1).isEqual(today)) {
      first = first.plusYears(1);
    }
    LocalDate target =
        switch (preposition) {
          case "by", "before", "until", "till", "early" -> first;
          case "end of", "late" -> first.withDayOfMonth(first.lengthOfMonth());
          default -> first.withDayOfMonth(15);
        };
    return Math.max(1, (int) ChronoUnit.DAYS.between(today, target));
  }

  private static Month month(String name) {
    String key = name.substring(0, 3).toUpperCase(Locale.ROOT);
    for (Month m : Month.values()) {
      if (m.name().startsWith(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
