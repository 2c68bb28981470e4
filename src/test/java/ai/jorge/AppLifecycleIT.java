package ai.jorge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.jorge.support.Backend;
import ai.jorge.support.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** App builds every service, starts each one and stops each one; nothing is built and left idle. */
class AppLifecycleIT {
  @Test
  void every_service_app_builds_is_started_then_stopped() {
    Map<String, App.State> started;
    TestApp app = TestApp.start(Backend.H2);
    try {
      started = app.app().serviceStates();
      assertThat(app.get("/health/live").status()).isEqualTo(200);
    } finally {
      app.close();
    }
    assertThat(started).isNotEmpty().allSatisfy((name, state) -> assertThat(state).as(name).isEqualTo(App.State.STARTED));
    assertThat(started.keySet()).contains("http", "outbox-dispatcher", "inbound-worker", "event-bus", "scheduler", "websocket-hub");
    assertThat(app.app().serviceStates())
        .allSatisfy((name, state) -> assertThat(state).as(name).isEqualTo(App.State.STOPPED));
  }

  @Test
  void a_service_built_by_app_is_never_left_unstarted() throws Exception {
    TestApp app = TestApp.start(Backend.H2);
    try {
      var serviceFields = new java.util.ArrayList<String>();
      for (var f : App.class.getDeclaredFields()) {
        if (Service.class.isAssignableFrom(f.getType())) {
          serviceFields.add(f.getName());
        }
      }
      // Every Service-typed field App holds must be one of the services it starts.
      for (String field : serviceFields) {
        var f = App.class.getDeclaredField(field);
        f.setAccessible(true);
        Service s = (Service) f.get(app.app());
        assertThat(app.app().serviceStates()).containsEntry(s.name(), App.State.STARTED);
      }
    } finally {
      app.close();
    }
  }

  @Test
  void demo_mode_seeds_leads_at_different_stages_and_keeps_traffic_flowing() {
    var db = Backend.H2.create();
    App app = App.create(TestApp.config(db.config(), Map.of()), java.time.Clock.systemUTC(), true);
    try {
      app.start();
      assertThat(app.serviceStates()).containsEntry("demo-traffic", App.State.STARTED);
      var temperatures = app.database().jdbi().withHandle(h -> h.createQuery(
              "SELECT DISTINCT temperature FROM conversations WHERE temperature IS NOT NULL")
          .mapTo(String.class).list());
      assertThat(temperatures).contains("HOT", "WARM", "COLD");
      long optedOut = app.database().jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM conversations WHERE opted_out").mapTo(Long.class).one());
      assertThat(optedOut).isGreaterThanOrEqualTo(1);
      long before = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages").mapTo(Long.class).one());
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
          app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages").mapTo(Long.class).one()) > before);
    } finally {
      app.stop();
      db.close();
    }
  }
}
