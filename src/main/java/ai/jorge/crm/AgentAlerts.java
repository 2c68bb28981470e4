package ai.jorge.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Runs queued {@code agent_alert} tasks through the configured {@link Notifier}. Thread-safe. */
public final class AgentAlerts implements CrmTaskDispatcher.Handler {
  private final Notifier notifier;
  private final ObjectMapper json;

  public AgentAlerts(Notifier notifier, ObjectMapper json) {
    this.notifier = notifier;
    this.json = json;
  }

  @Override
  public void handle(CrmTask task) throws Channel.DeliveryException {
    AgentAlert alert;
    try {
      alert = json.readValue(task.payload(), AgentAlert.class);
    } catch (IOException e) {
      throw new Channel.DeliveryException("unreadable agent alert: " + e.getMessage(), false);
    }
    notifier.alert(alert);
  }
}
