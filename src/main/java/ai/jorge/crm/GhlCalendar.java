package ai.jorge.crm;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free appointment times from a GoHighLevel calendar ({@code GET /calendars/{id}/free-slots}) for
 * the next 7 days, in the team's time zone. Turns ask for slots on every message, so answers are
 * cached for a minute; when GHL cannot be reached the last answer is used, and with none the bot
 * tells the lead the agent will call. Times that would overlap a call Jorge has booked are never
 * offered, checked on every call (not cached): GHL only learns of a booking when the queued
 * {@link GhlAppointmentBooking} task has run, and until then it still reports the time as free.
 * Thread-safe.
 */
public final class GhlCalendar implements Calendar {
  private static final Logger log = LoggerFactory.getLogger(GhlCalendar.class);
  private static final Duration HORIZON = Duration.ofDays(7);
  private static final Duration FRESH_FOR = Duration.ofMinutes(1);

  private final GhlClient client;
  private final String calendarId;
  private final ZoneId zone;
  private final Clock clock;
  private final BookedSlots booked;
  private Cached cached;

  private record Cached(Instant fetchedAt, List<ZonedDateTime> slots) {}

  public GhlCalendar(GhlClient client, String calendarId, ZoneId zone, Clock clock, Jdbi jdbi) {
    this.client = client;
    this.booked = new BookedSlots(jdbi);
    this.calendarId = calendarId;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public List<ZonedDateTime> openSlots(Instant from, int max) {
    List<ZonedDateTime> all = slots(from);
    BookedSlots.Booked taken = booked.between(from, from.plus(HORIZON));
    return all.stream()
        .filter(s -> s.toInstant().isAfter(from) && !taken.blocks(s.toInstant()))
        .limit(max)
        .toList();
  }

  private synchronized List<ZonedDateTime> slots(Instant from) {
    Instant now = clock.instant();
    if (cached != null && cached.fetchedAt().plus(FRESH_FOR).isAfter(now)) {
      return cached.slots();
    }
    try {
      String path =
          "/calendars/" + calendarId + "/free-slots?startDate=" + from.toEpochMilli() + "&endDate="
              + from.plus(HORIZON).toEpochMilli() + "&timezone="
              + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8);
      cached = new Cached(now, parse(client.call("GET", path, null), zone));
    } catch (Channel.DeliveryException e) {
      log.warn("GHL calendar {} unavailable: {}", calendarId, e.getMessage());
      if (cached == null) {
        return List.of();
      }
    }
    return cached.slots();
  }

  /** Reads {@code {"2025-06-03":{"slots":["2025-06-03T09:00:00-07:00",…]},…}}, earliest first. */
  static List<ZonedDateTime> parse(JsonNode answer, ZoneId zone) {
    List<ZonedDateTime> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> day : answer.properties()) {
      JsonNode slots = day.getValue().get("slots");
      if (slots == null || !slots.isArray()) {
        continue;
      }
      for (JsonNode s : slots) {
        try {
          out.add(OffsetDateTime.parse(s.asText()).atZoneSameInstant(zone));
        } catch (DateTimeParseException e) {
          log.warn("ignoring GHL slot '{}'", s.asText());
        }
      }
    }
    out.sort(Comparator.comparing(ZonedDateTime::toInstant));
    return out.stream().distinct().toList();
  }
}
