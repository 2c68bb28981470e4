package ai.jorge.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.jorge.store.Database;
import ai.jorge.support.Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The last check before a message leaves: opted-out contacts get nothing but the confirmation. */
class OptOutBoundaryTest {
  private Backend.TestDatabase testDb;
  private Database db;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<Channel.Delivery> sent = new ArrayList<>();
  private Channel channel;

  @BeforeEach
  void open() {
    testDb = Backend.H2.create();
    db = Database.migrateAndConnect(testDb.config(), meters);
    channel = new OptOutBoundary(db.jdbi(), meters).guard(
            d -> {
              sent.add(d);
              return null;
            });
  }

  @AfterEach
  void close() {
    db.close();
    testDb.close();
  }

  private long outboxRow(String contactId, boolean optedOut, String kind) {
    Instant now = Instant.parse("2026-01-05T17:00:00Z");
    return db.jdbi()
        .inTransaction(
            h -> {
              h.execute(
                  "INSERT INTO contacts (id, source, external_id, channel, created_at) VALUES (?,"
                      + " 'chat', ?, 'web_chat', ?)",
                  contactId, contactId, now);
              h.execute(
                  "INSERT INTO conversations (contact_id, id, version, bot, opted_out, state,"
                      + " updated_at) VALUES (?, ?, 0, 'concierge', ?, '{}', ?)",
                  contactId, "cv_" + contactId, optedOut, now);
              long message =
                  h.createUpdate(
                          "INSERT INTO messages (contact_id, direction, author, channel, body,"
                              + " provider_at, received_at) VALUES (:c, 'outbound', 'bot',"
                              + " 'web_chat', 'hi', :t, :t)")
                      .bind("c", contactId)
                      .bind("t", now)
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              return new ai.jorge.store.Outbox()
                  .enqueue(h, message, contactId, "web_chat", kind, "hi", "pending", now);
            });
  }

  private static Channel.Delivery delivery(long outboxId, String contactId) {
    return new Channel.Delivery(outboxId, contactId, contactId, "web_chat", "hi");
  }

  private double violations() {
    return meters.get("jorge.optout.violations").counter().count();
  }

  @Test
  void a_message_to_an_opted_out_contact_is_refused_and_counted_as_a_violation() {
    long id = outboxRow("ct_out", true, "reply");
    assertThatThrownBy(() -> channel.deliver(delivery(id, "ct_out")))
        .isInstanceOfSatisfying(
            Channel.DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    assertThat(sent).isEmpty();
    assertThat(violations()).isEqualTo(1);
  }

  @Test
  void the_opt_out_confirmation_still_goes_out() throws Exception {
    long id = outboxRow("ct_confirm", true, "opt_out_confirmation");
    channel.deliver(delivery(id, "ct_confirm"));
    assertThat(sent).hasSize(1);
    assertThat(violations()).isZero();
  }

  @Test
  void a_subscribed_contact_is_delivered_to_and_nothing_is_counted() throws Exception {
    long id = outboxRow("ct_in", false, "reply");
    channel.deliver(delivery(id, "ct_in"));
    assertThat(sent).extracting(Channel.Delivery::outboxId).containsExactly(id);
    assertThat(violations()).isZero();
  }
}
