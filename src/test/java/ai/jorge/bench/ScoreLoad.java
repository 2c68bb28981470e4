package ai.jorge.bench;

import ai.jorge.Json;
import ai.jorge.scoring.LabelledLead;
import ai.jorge.scoring.SyntheticLeads;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on {@code POST /api/v1/ml/score} of a running Jorge: requests leave at a fixed
 * rate whatever the responses do, and each latency is measured from the moment its request was due,
 * so a stall counts against every request it delays (no coordinated omission). Bodies are {@code
 * {"features":{...}}} of 1,024 synthetic leads, or {@code {"lead_id":...}} with {@code --lead ID}.
 * Run: see BENCHMARKS.md.
 *
 * <p>Arguments: {@code URL API_KEY RATE SECONDS WARMUP_SECONDS [--lead ID]}.
 */
public final class ScoreLoad {
  private static final int CONNECTIONS = 32;

  private ScoreLoad() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0] + "/api/v1/ml/score");
    String key = args[1];
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    String lead = args.length > 6 && args[5].equals("--lead") ? args[6] : null;
    ObjectMapper json = Json.newMapper();
    List<String> bodies =
        lead != null
            ? List.of(json.createObjectNode().put("lead_id", lead).toString())
            : SyntheticLeads.generate(99, 1_024).stream()
                .map(LabelledLead::features)
                .map(
                    f ->
                        json.createObjectNode()
                            .set("features", json.valueToTree(f.toMap()))
                            .toString())
                .toList();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    System.out.printf(Locale.ROOT, "warm-up: %d s at %d req/s%n", warmup, rate);
    run(client, uri, key, bodies, rate, warmup);
    System.out.printf(Locale.ROOT, "measured: %d s at %d req/s%n", seconds, rate);
    Result r = run(client, uri, key, bodies, rate, seconds);
    long[] l = r.latencies();
    Arrays.sort(l);
    System.out.printf(
        Locale.ROOT,
        "requests %d, errors %d, achieved %.0f req/s%n",
        l.length,
        r.errors(),
        l.length / (double) seconds);
    for (double q : new double[] {0.50, 0.90, 0.99, 0.999}) {
      System.out.printf(
          Locale.ROOT,
          "p%s %.3f ms%n",
          pct(q),
          l[(int) Math.min(l.length - 1, Math.ceil(q * l.length) - 1)] / 1e6);
    }
    System.out.printf(Locale.ROOT, "max %.3f ms%n", l[l.length - 1] / 1e6);
    System.exit(0);
  }

  private record Result(long[] latencies, int errors) {}

  private static Result run(
      HttpClient client, URI uri, String key, List<String> bodies, int rate, int seconds)
      throws InterruptedException {
    int n = rate * seconds;
    long[] latencies = new long[n];
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    Semaphore inFlight = new Semaphore(CONNECTIONS);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 10_000_000L;
    for (int i = 0; i < n; i++) {
      long due = start + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      int index = i;
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size())))
              .build();
      client
          .sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                latencies[index] = System.nanoTime() - due;
                if (failure != null || response.statusCode() != 200) {
                  errors.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
              });
    }
    done.await();
    return new Result(latencies, errors.get());
  }

  private static String pct(double q) {
    String s = String.format(Locale.ROOT, "%.1f", q * 100);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
