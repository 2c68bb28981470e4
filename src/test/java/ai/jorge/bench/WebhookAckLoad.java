package ai.jorge.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load on {@code POST /api/v1/webhooks/ghl} (wrk2 is not in Debian): a request is
 * due every 1/rate seconds whatever the server does, and its latency counts from when it was due,
 * so a stalled server cannot hide its queue (no coordinated omission). JDK only, so it runs as a
 * single source file: {@code java src/test/java/ai/jorge/bench/WebhookAckLoad.java URL RATE
 * SECONDS [WARMUP_SECONDS]}. Bounded in count and time; loopback targets only. See BENCHMARKS.md.
 */
public final class WebhookAckLoad {
  private WebhookAckLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args[0].replaceAll("/$", "") + "/api/v1/webhooks/ghl";
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    if (!URI.create(url).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost")) {
      throw new IllegalArgumentException("loopback targets only");
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String run = Long.toHexString(System.nanoTime());
    run(http, url, rate, warmup, run + "w", false);
    Result r = run(http, url, rate, seconds, run, true);
    System.out.printf(
        "rate=%d/s seconds=%d requests=%d errors=%d p50=%.1fms p90=%.1fms p99=%.1fms p999=%.1fms"
            + " max=%.1fms%n",
        rate, seconds, r.latencies.length, r.errors, pct(r.latencies, 50), pct(r.latencies, 90),
        pct(r.latencies, 99), pct(r.latencies, 99.9), pct(r.latencies, 100));
  }

  private record Result(double[] latencies, int errors) {}

  private static Result run(HttpClient http, String url, int rate, int seconds, String run, boolean keep)
      throws InterruptedException {
    int total = rate * seconds;
    double[] latencies = new double[total];
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int n = i;
      Thread.startVirtualThread(
          () -> {
            try {
              HttpResponse<Void> resp =
                  http.send(request(url, run, n), HttpResponse.BodyHandlers.discarding());
              if (resp.statusCode() != 200) {
                errors.incrementAndGet();
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            } finally {
              latencies[n] = (System.nanoTime() - due) / 1e6;
              done.countDown();
            }
          });
    }
    done.await();
    return new Result(keep ? latencies : new double[0], errors.get());
  }

  private static HttpRequest request(String url, String run, int n) {
    String body =
        ("{\"type\":\"InboundMessage\",\"locationId\":\"loc_bench\",\"contactId\":\"bench-%s-%d\","
                + "\"conversationId\":\"cv-bench-%s-%d\",\"messageId\":\"bench-%s-%d\","
                + "\"body\":\"Hi, thinking about selling my house\",\"direction\":\"inbound\","
                + "\"messageType\":\"HealthCheck\",\"dateAdded\":\"%s\"}")
            .formatted(run, n % 200, run, n % 200, run, n, Instant.now());
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static double pct(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }
}
