package ai.jorge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.jorge.Json;
import ai.jorge.support.Redis;
import ai.jorge.support.RedisServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis bus against the {@link EventBusContract}, plus what only a cross-instance bus can
 * show: events cross instances once and in order, a lost message is filled from the log, and a
 * Redis restart is caught up by replay. Needs Redis ({@code JORGE_TEST_REDIS_URL}); fails without.
 */
class RedisEventBusIT extends EventBusContract {
  private URI url;
  private String prefix;

  @BeforeEach
  void freshPrefix() {
    url = Redis.required();
    prefix = Redis.freshPrefix();
  }

  @Override
  protected EventBus newBus(String instanceId) throws Exception {
    return startedBus(url, instanceId);
  }

  private RedisEventBus startedBus(URI redis, String instanceId) throws Exception {
    var bus =
        new RedisEventBus(redis, prefix, instanceId, Json.newMapper(), new EventHistory(db.jdbi(), Json.newMapper()));
    bus.start();
    return bus;
  }

  @Test
  void events_recorded_on_one_instance_reach_subscribers_of_another_once() throws Exception {
    EventBus a = bus("a");
    EventBus b = bus("b");
    Recorder onA = new Recorder();
    Recorder onB = new Recorder();
    a.subscribe(onA);
    b.subscribe(onB);
    EventLog logA = log(a, "a");
    for (int i = 0; i < 20; i++) {
      logA.record("conversations", "message.sent", Map.of("i", i));
    }
    await().atMost(WAIT).until(() -> onB.seen.size() == 20 && onA.seen.size() == 20);
    Thread.sleep(300);
    assertThat(onB.seqs("conversations")).isEqualTo(oneTo(20));
    assertThat(onA.seqs("conversations")).as("own events come back from Redis but are not delivered twice").isEqualTo(oneTo(20));
    assertThat(onB.seen.get(0).instanceId()).isEqualTo("a");
  }

  @Test
  void concurrent_publishers_on_three_instances_give_every_subscriber_each_event_in_order()
      throws Exception {
    List<EventBus> buses = List.of(bus("a"), bus("b"), bus("c"));
    List<Recorder> recorders = new ArrayList<>();
    for (EventBus b : buses) {
      Recorder r = new Recorder();
      b.subscribe(r);
      recorders.add(r);
    }
    var pool = Executors.newFixedThreadPool(3);
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      EventLog log = log(buses.get(i), "abc".substring(i, i + 1));
      runs.add(
          pool.submit(
              () -> {
                for (int n = 0; n < 30; n++) {
                  log.record("conversations", "message.received", Map.of("n", n));
                }
              }));
    }
    for (Future<?> f : runs) {
      f.get();
    }
    pool.shutdown();
    for (Recorder r : recorders) {
      await().atMost(WAIT).until(() -> r.seen.size() >= 90);
    }
    Thread.sleep(300);
    for (Recorder r : recorders) {
      assertThat(r.seqs("conversations")).isEqualTo(oneTo(90));
    }
  }

  @Test
  void an_event_whose_message_was_lost_is_filled_from_the_log() throws Exception {
    EventBus a = bus("a");
    EventBus b = bus("b");
    Recorder onB = new Recorder();
    b.subscribe(onB);
    EventLog silent = log(new InProcessEventBus(), "a");
    silent.record("leads", "lead.created", Map.of("n", 1));
    silent.record("leads", "lead.created", Map.of("n", 2));
    log(a, "a").record("leads", "lead.created", Map.of("n", 3));
    await().atMost(WAIT).until(() -> onB.seen.size() == 3);
    assertThat(onB.seqs("leads")).containsExactly(1L, 2L, 3L);
    assertThat(onB.seen.get(1).data()).containsEntry("n", 2);
  }

  @Test
  void replays_events_after_redis_restarts() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      RedisEventBus a = startedBus(redis.url(), "a");
      RedisEventBus b = startedBus(redis.url(), "b");
      try {
        Recorder onA = new Recorder();
        Recorder onB = new Recorder();
        a.subscribe(onA);
        b.subscribe(onB);
        EventLog logA = log(a, "a");
        logA.record("conversations", "message.sent", Map.of("n", 1));
        await().atMost(WAIT).until(() -> onB.seen.size() == 1);

        redis.kill();
        await().atMost(WAIT).until(() -> !a.isReachable());
        for (int n = 2; n <= 6; n++) {
          logA.record("conversations", "message.sent", Map.of("n", n));
        }
        await().atMost(WAIT).until(() -> onA.seen.size() == 6);
        redis.restart();
        await().atMost(WAIT).until(a::isReachable);
        await().atMost(WAIT).until(() -> onB.seen.size() >= 6);
        logA.record("conversations", "message.sent", Map.of("n", 7));
        await().atMost(WAIT).until(() -> onB.seen.size() >= 7);
        Thread.sleep(300);
        assertThat(onB.seqs("conversations")).isEqualTo(oneTo(7));
        assertThat(onA.seqs("conversations")).isEqualTo(oneTo(7));
      } finally {
        a.close();
        b.close();
      }
    }
  }
}
