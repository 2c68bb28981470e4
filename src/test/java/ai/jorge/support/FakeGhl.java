package ai.jorge.support;

import ai.jorge.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake GoHighLevel API on a local port (okhttp's MockWebServer): answers message sends with a
 * fresh message id, appointment creations with the created appointment and a fresh id, tag and
 * contact updates with {}, and free-slot queries with the slots set by the test. It can play an
 * outage (the next N message sends, or appointment creations, answer a given status, with an
 * optional Retry-After) and hold a call open until released. It records every call and,
 * separately, every message send and appointment creation it acknowledged with 200. Thread-safe.
 */
public final class FakeGhl implements AutoCloseable {
  private static final ObjectMapper JSON = Json.newMapper();

  /** One call as received. */
  public record Call(String method, String path, String authorization, String version, JsonNode body) {}

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Call> acknowledgedSends = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger failureStatus = new AtomicInteger(500);
  private final AtomicReference<String> retryAfter = new AtomicReference<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<Call> createdAppointments = new CopyOnWriteArrayList<>();
  private final AtomicInteger appointmentFailuresLeft = new AtomicInteger();
  private final AtomicInteger appointmentFailureStatus = new AtomicInteger(500);
  private final AtomicInteger appointmentSequence = new AtomicInteger();
  private final AtomicReference<String> freeSlots = new AtomicReference<>("{}");
  private final AtomicInteger holdSendNumber = new AtomicInteger(-1);
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  public FakeGhl() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
            return answer(r);
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return server.url("/").toString();
  }

  /** The next {@code n} message sends answer {@code status} (with {@code Retry-After} when not null). */
  public void fail(int n, int status, String retryAfterSeconds) {
    failureStatus.set(status);
    retryAfter.set(retryAfterSeconds);
    failuresLeft.set(n);
  }

  /** The next {@code n} appointment creations answer {@code status}. */
  public void failAppointments(int n, int status) {
    appointmentFailureStatus.set(status);
    appointmentFailuresLeft.set(n);
  }

  /** Appointment creations answered with 200, in order; the k-th got id {@code ghl-appt-k}. */
  public List<Call> createdAppointments() {
    return new ArrayList<>(createdAppointments);
  }

  public void freeSlots(String json) {
    freeSlots.set(json);
  }

  /** The {@code n}-th message send (1-based) is held open until {@link #releaseHeld()}. */
  public void holdSend(int n) {
    holdSendNumber.set(n);
  }

  public boolean awaitHeld(long seconds) throws InterruptedException {
    return holding.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
  }

  public void releaseHeld() {
    release.countDown();
  }

  public List<Call> calls() {
    return new ArrayList<>(calls);
  }

  public List<Call> calls(String method, String pathPrefix) {
    return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
  }

  /** Message sends answered with 200, in order. */
  public List<Call> acknowledgedSends() {
    return new ArrayList<>(acknowledgedSends);
  }

  private MockResponse answer(RecordedRequest r) throws InterruptedException {
    String path = r.getUrl().encodedPath();
    JsonNode body = parse(r.getBody() == null ? "" : r.getBody().utf8());
    Call call = new Call(r.getMethod(), path, r.getHeaders().get("Authorization"), r.getHeaders().get("Version"), body);
    calls.add(call);
    boolean send = "POST".equals(r.getMethod()) && path.equals("/conversations/messages");
    if (send) {
      int n = (int) calls.stream().filter(c -> c.method().equals("POST") && c.path().equals("/conversations/messages")).count();
      if (n == holdSendNumber.get()) {
        holding.countDown();
        release.await();
        return new MockResponse.Builder().code(503).body("{\"message\":\"released\"}").build();
      }
    }
    if (send && failuresLeft.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0) {
      var b = new MockResponse.Builder().code(failureStatus.get()).body("{\"message\":\"outage\"}");
      if (retryAfter.get() != null) {
        b.addHeader("Retry-After", retryAfter.get());
      }
      return b.build();
    }
    if (send) {
      acknowledgedSends.add(call);
      return json("{\"conversationId\":\"conv-1\",\"messageId\":\"ghl-msg-" + sequence.incrementAndGet() + "\"}");
    }
    if ("POST".equals(r.getMethod()) && path.equals("/calendars/events/appointments")) {
      if (appointmentFailuresLeft.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0) {
        return new MockResponse.Builder()
            .code(appointmentFailureStatus.get())
            .body("{\"message\":\"The slot you have selected is no longer available\"}")
            .build();
      }
      createdAppointments.add(call);
      var created = ((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy())
          .put("id", "ghl-appt-" + appointmentSequence.incrementAndGet())
          .put("status", "booked");
      return json(created.toString());
    }
    if (path.contains("/free-slots")) {
      return json(freeSlots.get());
    }
    return json("{}");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static JsonNode parse(String text) {
    if (text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.close();
  }
}
