package ai.jorge.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts each agent alert as JSON to {@code JORGE_NOTIFY_WEBHOOK_URL} (a Slack/Teams relay, Zapier,
 * the team's own endpoint). 429 and 5xx are retried by the queue; other 4xx give up. The body
 * carries {@code "type":"lead.hot"} and the alert's fields. Thread-safe.
 */
public final class WebhookNotifier implements Notifier {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final URI url;
  private final ObjectMapper json;
  private final HttpClient http;

  public WebhookNotifier(URI url, ObjectMapper json) {
    this.url = url;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public void alert(AgentAlert alert) throws Channel.DeliveryException {
    byte[] body;
    try {
      var node = json.createObjectNode().put("type", "lead.hot");
      node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(alert));
      body = json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new Channel.DeliveryException("cannot encode alert: " + e.getMessage(), false);
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new Channel.DeliveryException("notify webhook: " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Channel.DeliveryException("interrupted", true);
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new Channel.DeliveryException(
          "notify webhook answered " + status, true, GhlClient.retryAfter(response).orElse(null));
    }
    if (status >= 400) {
      throw new Channel.DeliveryException("notify webhook refused the alert with " + status, false);
    }
  }
}
