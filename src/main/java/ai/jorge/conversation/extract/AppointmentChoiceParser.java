package ai.jorge.conversation.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Matches a reply to an appointment offer against the offered times: by position ("the first one",
 * "the second"), weekday ("Tuesday works", "tomorrow"), clock time ("2:30", "10am"), part of day
 * ("Wednesday afternoon") or plain agreement ("either is fine"). A day and time that match another
 * open slot book that slot; a day alone with open slots yields that day's first times. Refusals
 * ("neither", "not now") are declines.
 */
public final class AppointmentChoiceParser {
  private static final Pattern FIRST =
      Pattern.compile(
          "\\b(?:first|1st|earlier|earliest|former|option (?:1|one)|#1|number"
              + " (?:1|one))\\b|^1[.!]*$");
  private static final Pattern SECOND =
      Pattern.compile(
          "\\b(?:second|2nd|later one|latter|last one|option (?:2|two)|#2|number (?:2|two)|other"
              + " one)\\b|^2[.!]*$");
  private static final Pattern TIME =
      Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d/])");
  private static final Pattern ANY =
      Pattern.compile(
          "^(?:yes|yeah|yep|sure|ok|okay|sounds good|perfect|great|either|either"
              + " one|any|anytime|whichever|both work|either works|either is fine|either one"
              + " works|either one is fine|whatever works)\\b.*");
  private static final Pattern DECLINE =
      Pattern.compile(
          "\\b(?:neither|none|not now|no thanks|no thank you|not interested|not yet|not right"
              + " now|maybe later|later|can'?t make|cannot make|don'?t want|won'?t work|doesn'?t"
              + " work|not a good time|too busy|not ready|pass|rather not|no)\\b");
  private static final Pattern REFUSAL =
      Pattern.compile(
          "\\b(?:doesn'?t work|won'?t work|can'?t (?:make|do)|not available|busy|no"
              + " good)\\b(?!.*\\b(?:but|instead|better|works for|is fine|is good|how about|what"
              + " about)\\b)");
  private static final Map<String, DayOfWeek> DAYS =
      Map.ofEntries(
          Map.entry("monday", DayOfWeek.MONDAY),
          Map.entry("mon", DayOfWeek.MONDAY),
          Map.entry("tuesday", DayOfWeek.TUESDAY),
          Map.entry("tue", DayOfWeek.TUESDAY),
          Map.entry("tues", DayOfWeek.TUESDAY),
          Map.entry("wednesday", DayOfWeek.WEDNESDAY),
          Map.entry("wed", DayOfWeek.WEDNESDAY),
          Map.entry("thursday", DayOfWeek.THURSDAY),
          Map.entry("thu", DayOfWeek.THURSDAY),
          Map.entry("thur", DayOfWeek.THURSDAY),
          Map.entry("thurs", DayOfWeek.THURSDAY),
          Map.entry("friday", DayOfWeek.FRIDAY),
          Map.entry("fri", DayOfWeek.FRIDAY),
          Map.entry("saturday", DayOfWeek.SATURDAY),
          Map.entry("sat", DayOfWeek.SATURDAY),
          Map.entry("sunday", DayOfWeek.SUNDAY),
          Map.entry("sun", DayOfWeek.SUNDAY));
  private static final Pattern DAY_WORD =
      Pattern.compile(
          "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur"
              + "|thu|fri|sat|sun|today|tomorrow)\\b");

  private AppointmentChoiceParser() {}

  public static AppointmentChoice parse(
      String text, List<ZonedDateTime> offered, List<ZonedDateTime> open, ZonedDateTime now) {
    String s = Normalized.of(text);
    ZoneId zone = now.getZone();
    List<ZonedDateTime> offers = offered.stream().map(t -> t.withZoneSameInstant(zone)).toList();
    if (!offers.isEmpty() && FIRST.matcher(s).find()) {
      return new AppointmentChoice.Picked(offers.get(0));
    }
    if (offers.size() > 1 && SECOND.matcher(s).find()) {
      return new AppointmentChoice.Picked(offers.get(1));
    }
    Predicate<ZonedDateTime> day = dayFilter(s, now.toLocalDate());
    Predicate<ZonedDateTime> time = timeFilter(s);
    Predicate<ZonedDateTime> part = partOfDayFilter(s);
    boolean constrained = day != null || time != null || part != null;
    if (constrained && Normalized.has(s, REFUSAL)) {
      return new AppointmentChoice.Declined();
    }
    if (constrained) {
      Predicate<ZonedDateTime> match =
          Stream.of(day, time, part).filter(Objects::nonNull).reduce(t -> true, Predicate::and);
      var picked = offers.stream().filter(match).findFirst();
      if (picked.isPresent()) {
        return new AppointmentChoice.Picked(picked.get());
      }
      List<ZonedDateTime> others =
          open.stream()
              .map(t -> t.withZoneSameInstant(zone))
              .filter(t -> t.isAfter(now))
              .filter(match)
              .sorted()
              .toList();
      if (!others.isEmpty() && time != null) {
        return new AppointmentChoice.Picked(others.get(0));
      }
      if (!others.isEmpty()) {
        return new AppointmentChoice.OtherDay(others.subList(0, Math.min(2, others.size())));
      }
    }
    if (DECLINE.matcher(s).find()) {
      return new AppointmentChoice.Declined();
    }
    if (!offers.isEmpty() && ANY.matcher(s).matches()) {
      return new AppointmentChoice.Picked(offers.get(0));
    }
    return new AppointmentChoice.Unclear();
  }

  private static Predicate<ZonedDateTime> dayFilter(String s, LocalDate today) {
    Matcher m = DAY_WORD.matcher(s);
    if (!m.find()) {
      return null;
    }
    return switch (m.group(1)) {
      case "today" -> t -> t.toLocalDate().equals(today);
      case "tomorrow" -> t -> t.toLocalDate().equals(today.plusDays(1));
      default -> {
        DayOfWeek dow = DAYS.get(m.group(1));
        yield t -> t.getDayOfWeek() == dow;
      }
    };
  }

  private static Predicate<ZonedDateTime> timeFilter(String s) {
    Matcher m = TIME.matcher(s);
    while (m.find()) {
      int hour = Integer.parseInt(m.group(1));
      boolean hasMinutes = m.group(2) != null;
      String meridiem = m.group(3);
      if (hour < 1
          || hour > 23
          || (!hasMinutes
              && meridiem == null
              && !s.matches(".*\\b(?:at|@|around)\\s*" + hour + "\\b.*"))) {
        continue;
      }
      int minute = hasMinutes ? Integer.parseInt(m.group(2)) : 0;
      boolean pm = meridiem != null && meridiem.startsWith("p");
      boolean am = meridiem != null && meridiem.startsWith("a");
      return t -> {
        int h = t.getHour();
        boolean hourMatches =
            hour > 12
                ? h == hour
                : am ? h == hour % 12 : pm ? h == hour % 12 + 12 : h % 12 == hour % 12;
        return hourMatches && t.getMinute() == minute;
      };
    }
    return null;
  }

  private static Predicate<ZonedDateTime> partOfDayFilter(String s) {
    if (s.contains("morning")) {
      return t -> t.getHour() < 12;
    }
    if (s.contains("afternoon")) {
      return t -> t.getHour() >= 12 && t.getHour() < 17;
    }
    if (s.contains("evening") || s.contains("tonight")) {
      return t -> t.getHour() >= 17;
    }
    return null;
  }
}
