package ai.jorge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.Json;
import ai.jorge.store.Database;
import ai.jorge.support.Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventBus} promises, run against each implementation: events recorded in the
 * log reach every subscriber once, in seq order; a closed subscription hears nothing more; a
 * failing listener harms no other.
 */
abstract class EventBusContract {
  protected static final Duration WAIT = Duration.ofSeconds(10);
  protected Backend.TestDatabase testDb;
  protected Database db;
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** A started bus for instance {@code instanceId} over {@link #db}. */
  protected abstract EventBus newBus(String instanceId) throws Exception;

  @BeforeEach
  void openDatabase() {
    testDb = Backend.H2.create();
    db = Database.migrateAndConnect(testDb.config(), new SimpleMeterRegistry());
  }

  @AfterEach
  void closeAll() throws Exception {
    Collections.reverse(opened);
    for (AutoCloseable c : opened) {
      c.close();
    }
    db.close();
    testDb.close();
  }

  protected EventBus bus(String instanceId) throws Exception {
    EventBus b = newBus(instanceId);
    opened.add(b);
    return b;
  }

  protected EventLog log(EventBus bus, String instanceId) {
    return new EventLog(db.jdbi(), bus, Json.newMapper(), Clock.systemUTC(), instanceId);
  }

  /** A listener that remembers every event it was given. */
  protected static final class Recorder implements java.util.function.Consumer<Event> {
    final List<Event> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(Event e) {
      seen.add(e);
    }

    List<Long> seqs(String topic) {
      synchronized (seen) {
        return seen.stream().filter(e -> e.topic().equals(topic)).map(Event::seq).toList();
      }
    }
  }

  protected static List<Long> oneTo(long n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void delivers_each_recorded_event_to_every_subscriber() throws Exception {
    EventBus bus = bus("a");
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    bus.subscribe(first);
    bus.subscribe(second);
    Event e = log(bus, "a").record("leads", "lead.created", Map.of("contact_id", "ct_1"));
    await().atMost(WAIT).until(() -> first.seen.size() == 1 && second.seen.size() == 1);
    assertThat(first.seen.get(0)).isEqualTo(e);
    assertThat(second.seen.get(0).data()).containsEntry("contact_id", "ct_1");
  }

  @Test
  void a_closed_subscription_receives_no_more_events() throws Exception {
    EventBus bus = bus("a");
    Recorder kept = new Recorder();
    Recorder dropped = new Recorder();
    bus.subscribe(kept);
    EventBus.Subscription s = bus.subscribe(dropped);
    EventLog log = log(bus, "a");
    log.record("leads", "lead.created", Map.of());
    await().atMost(WAIT).until(() -> dropped.seen.size() == 1);
    s.close();
    log.record("leads", "lead.updated", Map.of());
    await().atMost(WAIT).until(() -> kept.seen.size() == 2);
    assertThat(dropped.seen).hasSize(1);
  }

  @Test
  void a_failing_listener_does_not_keep_events_from_the_others() throws Exception {
    EventBus bus = bus("a");
    bus.subscribe(
        e -> {
          throw new IllegalStateException("listener bug");
        });
    Recorder healthy = new Recorder();
    bus.subscribe(healthy);
    EventLog log = log(bus, "a");
    log.record("system", "alert", Map.of("n", 1));
    log.record("system", "alert", Map.of("n", 2));
    await().atMost(WAIT).until(() -> healthy.seen.size() == 2);
  }

  @Test
  void delivers_a_topic_in_seq_order_exactly_once() throws Exception {
    EventBus bus = bus("a");
    Recorder r = new Recorder();
    bus.subscribe(r);
    EventLog log = log(bus, "a");
    for (int i = 0; i < 40; i++) {
      log.record("conversations", "message.received", Map.of("i", i));
      log.record("leads", "lead.updated", Map.of("i", i));
    }
    await().atMost(WAIT).until(() -> r.seen.size() >= 80);
    Thread.sleep(200);
    assertThat(r.seqs("conversations")).isEqualTo(oneTo(40));
    assertThat(r.seqs("leads")).isEqualTo(oneTo(40));
  }
}
