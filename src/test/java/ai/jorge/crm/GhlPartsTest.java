package ai.jorge.crm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.Json;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Pure parts of the CRM edge: backoff, free-slot parsing and GHL message types. */
class GhlPartsTest {
  @Test
  void backoff_doubles_from_2_seconds_caps_at_10_minutes_and_honours_retry_after() {
    var plain = new Channel.DeliveryException("500", true);
    assertThat(Backoff.DEFAULT.after(1, plain)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.DEFAULT.after(2, plain)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Backoff.DEFAULT.after(5, plain)).isEqualTo(Duration.ofSeconds(32));
    assertThat(Backoff.DEFAULT.after(40, plain)).isEqualTo(Duration.ofMinutes(10));
    var limited = new Channel.DeliveryException("429", true, Duration.ofSeconds(90));
    assertThat(Backoff.DEFAULT.after(1, limited)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void free_slots_are_read_from_every_day_sorted_and_in_the_team_zone() throws Exception {
    var answer = Json.newMapper().readTree(
        "{\"2025-06-04\":{\"slots\":[\"2025-06-04T14:00:00-07:00\",\"2025-06-04T09:30:00-07:00\"]},"
            + "\"2025-06-03\":{\"slots\":[\"2025-06-03T17:00:00Z\"]},\"traceId\":\"abc\"}");
    var slots = GhlCalendar.parse(answer, ZoneId.of("America/Los_Angeles"));
    assertThat(slots).extracting(s -> s.toLocalDateTime().toString())
        .containsExactly("2025-06-03T10:00", "2025-06-04T09:30", "2025-06-04T14:00");
  }

  @Test
  void channels_map_to_ghl_message_types() {
    assertThat(GhlChannel.type("sms")).isEqualTo("SMS");
    assertThat(GhlChannel.type("live_chat")).isEqualTo("Live_Chat");
    assertThat(GhlChannel.type(null)).isEqualTo("SMS");
  }
}
