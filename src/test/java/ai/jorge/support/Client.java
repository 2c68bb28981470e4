package ai.jorge.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An HTTP client that connects from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so one
 * test can act as several client IPs.
 */
public final class Client {
  private final HttpClient http;

  public Client(String localAddress) {
    try {
      this.http =
          HttpClient.newBuilder()
              .localAddress(InetAddress.getByName(localAddress))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public TestApp.Response post(TestApp app, String path, String body, String... headers) {
    var b =
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new TestApp.Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public TestApp.Response chat(TestApp app, String session, String text) {
    return post(app, "/api/v1/chat/messages",
        "{\"session_id\":\"" + session + "\",\"text\":\"" + text + "\"}");
  }
}
