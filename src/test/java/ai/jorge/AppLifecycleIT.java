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
}
