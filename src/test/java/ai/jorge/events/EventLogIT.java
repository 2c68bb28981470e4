package ai.jorge.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.jorge.Json;
import ai.jorge.store.Database;
import ai.jorge.support.Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Appending drafted events at the end of a transaction, on each database. */
class EventLogIT {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void drafts_get_consecutive_seqs_per_topic_in_draft_order(Backend backend) throws Exception {
    try (var testDb = backend.create();
        var db = Database.migrateAndConnect(testDb.config(), new SimpleMeterRegistry())) {
      EventLog log = log(db);
      log.record("leads", "lead.created", Map.of("n", 0));
      EventDrafts drafts = new EventDrafts();
      drafts.add("leads", "lead.updated", Map.of("n", 1));
      drafts.add("conversations", "message.received", Map.of("n", 2));
      drafts.add("leads", "lead.scored", Map.of("n", 3));
      List<Event> appended = db.jdbi().inTransaction(h -> log.append(h, drafts));

      assertThat(appended).extracting(Event::topic, Event::seq, Event::type)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("leads", 2L, "lead.updated"),
              org.assertj.core.groups.Tuple.tuple("conversations", 1L, "message.received"),
              org.assertj.core.groups.Tuple.tuple("leads", 3L, "lead.scored"));
      assertThat(log.since("leads", 0, 10)).extracting(Event::type)
          .containsExactly("lead.created", "lead.updated", "lead.scored");
      assertThat(log.latestSeq("leads")).isEqualTo(3);
      assertThat(log.latestSeq("conversations")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_rolled_back_transaction_leaves_no_event_and_no_gap(Backend backend) throws Exception {
    try (var testDb = backend.create();
        var db = Database.migrateAndConnect(testDb.config(), new SimpleMeterRegistry())) {
      EventLog log = log(db);
      assertThatThrownBy(
              () ->
                  db.jdbi().useTransaction(
                      h -> {
                        EventDrafts d = new EventDrafts();
                        d.add("leads", "lead.updated", Map.of());
                        log.append(h, d);
                        throw new IllegalStateException("turn failed");
                      }))
          .isInstanceOf(IllegalStateException.class);
      Event next = log.record("leads", "lead.updated", Map.of());
      assertThat(next.seq()).isEqualTo(1);
      assertThat(log.since("leads", 0, 10)).hasSize(1);
    }
  }

  /**
   * Transactions that draft events on two topics in opposite orders never deadlock: the counter
   * rows are locked in topic-name order whatever order the drafts came in.
   */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void opposite_draft_orders_do_not_deadlock_and_lose_nothing(Backend backend) throws Exception {
    try (var testDb = backend.create();
        var db = Database.migrateAndConnect(testDb.config(), new SimpleMeterRegistry())) {
      EventLog log = log(db);
      int perThread = 40;
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        boolean leadsFirst = t % 2 == 0;
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    db.jdbi().useTransaction(
                        h -> {
                          EventDrafts d = new EventDrafts();
                          d.add(leadsFirst ? "leads" : "conversations", "a", Map.of());
                          d.add(leadsFirst ? "conversations" : "leads", "b", Map.of());
                          log.append(h, d);
                        });
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      for (String topic : List.of("leads", "conversations")) {
        assertThat(log.since(topic, 0, 1000)).extracting(Event::seq)
            .containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 4L * perThread).boxed().toList());
      }
    }
  }

  private static EventLog log(Database db) {
    return new EventLog(db.jdbi(), new InProcessEventBus(), Json.newMapper(), Clock.systemUTC(), "i1");
  }
}
