package ai.jorge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.Scrape;
import ai.jorge.support.TestApp;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Web chat replies reach the lead in the HTTP response itself, so the guard judges them in the
 * turn: a reply it refuses is never returned, stored or sent.
 */
class SynchronousReplyGuardIT {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void a_chat_reply_with_steering_language_never_reaches_the_lead(Backend backend) {
    // A persona name that reads as steering language puts it into every greeting.
    try (TestApp app = TestApp.start(backend, Map.of("JORGE_AGENT_NAME", "Christian Family"))) {
      var r = app.chat("steering-" + backend, "hey there");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("replies")).isEmpty();
      assertThat(r.json().get("asking").isNull()).isTrue();
      long stored = app.app().database().jdbi().withHandle(h -> h.createQuery(
              "SELECT COUNT(*) FROM messages WHERE direction = 'outbound'")
          .mapTo(Long.class).one());
      assertThat(stored).isZero();
      assertThat(app.count("outbox")).isZero();
      assertThat(Scrape.value(app, "jorge_outbound_blocked_total", "reason", "message.fair_housing"))
          .isGreaterThanOrEqualTo(1);
      assertThat(Scrape.value(app, "jorge_guard_decisions_total", "layer", "3", "decision", "block"))
          .isGreaterThanOrEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void an_ordinary_chat_reply_passes_the_guard(Backend backend) {
    try (TestApp app = TestApp.start(backend)) {
      var r = app.chat("plain-" + backend, "Hi, I'm thinking about selling my house");
      assertThat(r.json().get("replies")).hasSize(1);
      assertThat(Scrape.value(app, "jorge_guard_decisions_total", "layer", "3", "decision", "allow"))
          .isGreaterThanOrEqualTo(1);
    }
  }
}
