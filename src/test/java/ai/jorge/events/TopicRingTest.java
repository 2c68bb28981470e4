package ai.jorge.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicRingTest {
  private final ObjectMapper json = new ObjectMapper();

  private Rendered event(long seq) {
    return new Rendered(new Event("leads", seq, "lead.updated", Instant.EPOCH, "i1", Map.of()), json);
  }

  @Test
  void holds_the_latest_capacity_events_by_seq() {
    TopicRing ring = new TopicRing(4);
    for (long s = 1; s <= 6; s++) {
      ring.put(event(s));
    }
    assertThat(ring.latest()).isEqualTo(6);
    assertThat(ring.get(6).event().seq()).isEqualTo(6);
    assertThat(ring.get(3).event().seq()).isEqualTo(3);
    assertThat(ring.get(2)).as("overwritten by seq 6").isNull();
    assertThat(ring.get(7)).isNull();
  }

  @Test
  void a_late_seq_is_stored_without_moving_latest_back() {
    TopicRing ring = new TopicRing(8);
    ring.put(event(2));
    assertThat(ring.get(1)).as("published out of order, not here yet").isNull();
    ring.put(event(1));
    assertThat(ring.latest()).isEqualTo(2);
    assertThat(ring.get(1).event().seq()).isEqualTo(1);
  }

  @Test
  void capacity_rounds_up_to_a_power_of_two_and_never_below_the_request() {
    TopicRing ring = new TopicRing(1000);
    for (long s = 1; s <= 1000; s++) {
      ring.put(event(s));
    }
    assertThat(ring.get(1)).as("1,000 asked for, 1,024 kept").isNotNull();
    assertThat(ring.latest()).isEqualTo(1000);
  }
}
