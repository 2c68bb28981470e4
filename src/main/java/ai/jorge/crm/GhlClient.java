package ai.jorge.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The GoHighLevel API v2 over HTTP: Bearer token, {@code Version} header, JSON in and out. Sorts
 * failures the way the outbox needs them: 429 (with its {@code Retry-After}), 5xx, timeouts and
 * connection errors are retryable; any other 4xx is permanent. Thread-safe.
 */
public final class GhlClient {
  static final String API_VERSION = "2021-04-15";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final String token;
  private final ObjectMapper json;
  private final HttpClient http;

  public GhlClient(URI base, String token, ObjectMapper json) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.token = token;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Sends one call; {@code body} may be null for GET. Answers the parsed JSON (empty object on no body). */
  public JsonNode call(String method, String path, Object body) throws Channel.DeliveryException {
    HttpRequest.BodyPublisher publisher;
    try {
      publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new Channel.DeliveryException("cannot encode GHL request: " + e.getMessage(), false);
    }
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Version", API_VERSION)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Channel.DeliveryException("GHL " + method + " " + path + ": " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Channel.DeliveryException("interrupted", true);
    }
    int status = response.statusCode();
    if (status == 429) {
      throw new Channel.DeliveryException(
          "GHL rate limited (429)", true, retryAfter(response).orElse(null));
    }
    if (status >= 500) {
      throw new Channel.DeliveryException("GHL answered " + status, true);
    }
    if (status >= 400) {
      throw new Channel.DeliveryException(
          "GHL refused " + method + " " + path + " with " + status + ": " + abbreviate(response.body()),
          false);
    }
    try {
      String text = response.body();
      return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> raw = response.headers().firstValue("Retry-After").map(String::trim);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(raw.get()))));
    } catch (NumberFormatException e) {
      try {
        Instant at = ZonedDateTime.parse(raw.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
